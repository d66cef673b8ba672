using System.Collections.Immutable;
using System.Numerics;
using System.Text.Json.Serialization;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Pays an amount of an asset from this DAO's treasury to an address, optionally tagged with the SDGs it serves.</summary>
[GenerateSerializer, Immutable, Alias("bt.TreasuryTransfer")]
public sealed record TreasuryTransfer(
    [property: Id(0)] string Asset,
    [property: Id(1)] string To,
    [property: Id(2)] BigInteger Amount,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<int>? Sdgs = null) : ProposalAction
{
    public override ActionKinds Kind => ActionKinds.TreasuryTransfer;
}
