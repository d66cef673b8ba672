namespace Blocktrack.Grains.Interfaces;

/// <summary>Replaces the DAO's constitution with a new version (constitutional classes only).</summary>
[GenerateSerializer, Immutable, Alias("bt.AmendConstitution")]
public sealed record AmendConstitution([property: Id(0)] Constitution Constitution) : ProposalAction
{
    public override ActionKinds Kind => ActionKinds.AmendConstitution;
}
