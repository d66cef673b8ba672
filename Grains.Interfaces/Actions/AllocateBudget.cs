using System.Collections.Immutable;
using System.Numerics;
using System.Text.Json.Serialization;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Moves an amount of an asset from this DAO's treasury to a direct sub-DAO's treasury, optionally tagged with SDGs.</summary>
[GenerateSerializer, Immutable, Alias("bt.AllocateBudget")]
public sealed record AllocateBudget(
    [property: Id(0)] string SubDao,
    [property: Id(1)] string Asset,
    [property: Id(2)] BigInteger Amount,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<int>? Sdgs = null) : ProposalAction
{
    public override ActionKinds Kind => ActionKinds.AllocateBudget;
}
