namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// Decides on a grant of one of this DAO's programs by proposal: approve or reject its application, cancel it (claw back
/// the unpaid tranches) or, with <see cref="Milestone"/>, approve (pay) or reject that milestone's submission.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.DecideGrant")]
public sealed record DecideGrant(
    [property: Id(0)] long Program,
    [property: Id(1)] long Grant,
    [property: Id(2)] GrantDecision Decision,
    [property: Id(3)] string Reason,
    [property: Id(4)] int? Milestone = null) : ProposalAction
{
    public override ActionKinds Kind => ActionKinds.GrantDecision;
}
