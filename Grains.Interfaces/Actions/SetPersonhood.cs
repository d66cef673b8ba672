namespace Blocktrack.Grains.Interfaces;

/// <summary>Attests (or revokes) an address as a unique person in this DAO's personhood registry.</summary>
[GenerateSerializer, Immutable, Alias("bt.SetPersonhood")]
public sealed record SetPersonhood(
    [property: Id(0)] string Subject,
    [property: Id(1)] bool Attested) : ProposalAction
{
    public override ActionKinds Kind => ActionKinds.SetPersonhood;
}
