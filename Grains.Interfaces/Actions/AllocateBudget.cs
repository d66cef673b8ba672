using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Moves an amount of an asset from this DAO's treasury to a direct sub-DAO's treasury.</summary>
[GenerateSerializer, Immutable, Alias("bt.AllocateBudget")]
public sealed record AllocateBudget(
    [property: Id(0)] string SubDao,
    [property: Id(1)] string Asset,
    [property: Id(2)] BigInteger Amount) : ProposalAction
{
    public override ActionKinds Kind => ActionKinds.AllocateBudget;
}
