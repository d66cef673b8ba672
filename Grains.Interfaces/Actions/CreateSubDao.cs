namespace Blocktrack.Grains.Interfaces;

/// <summary>Creates a sub-DAO at <c>{dao}/{Name}</c> whose constitution stays inside this DAO's bounds.</summary>
[GenerateSerializer, Immutable, Alias("bt.CreateSubDao")]
public sealed record CreateSubDao(
    [property: Id(0)] string Name,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] Constitution Constitution,
    [property: Id(3)] DaoRoles Roles) : ProposalAction
{
    public override ActionKinds Kind => ActionKinds.CreateSubDao;
}
