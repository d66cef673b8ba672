namespace Blocktrack.Grains.Interfaces;

/// <summary>Grants or revokes a role in this DAO.</summary>
[GenerateSerializer, Immutable, Alias("bt.SetRole")]
public sealed record SetRole(
    [property: Id(0)] DaoRole Role,
    [property: Id(1)] string Address,
    [property: Id(2)] bool Granted) : ProposalAction
{
    public override ActionKinds Kind => ActionKinds.SetRole;
}
