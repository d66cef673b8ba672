using System.Numerics;

namespace Blocktrack.Grains.State;

/// <summary>An award a domain's total is still owed: the ledger's outbox entry.</summary>
[GenerateSerializer, Immutable, Alias("bt.ReputationTransfer")]
public sealed record ReputationTransfer
{
    [Id(0)] public long Sequence { get; init; }
    [Id(1)] public string Domain { get; init; } = "";
    [Id(2)] public long At { get; init; }
    [Id(3)] public BigInteger Amount { get; init; }
}
