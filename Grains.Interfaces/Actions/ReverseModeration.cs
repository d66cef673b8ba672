namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// Upholds an appeal: reverses the DAO's moderation act <see cref="Seq"/> (restoring what it hid). A moderation reversed
/// within the appeal window earns its moderator nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.ReverseModeration")]
public sealed record ReverseModeration(
    [property: Id(0)] long Seq,
    [property: Id(1)] string Reason) : ProposalAction
{
    public override ActionKinds Kind => ActionKinds.ReverseModeration;
}
