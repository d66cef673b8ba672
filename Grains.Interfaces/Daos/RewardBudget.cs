using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A rewards budget an executed proposal funded: what each epoch in [First, Last] may draw from the treasury.</summary>
[GenerateSerializer, Immutable, Alias("bt.RewardBudget")]
public sealed record RewardBudget
{
    [Id(0)] public string Asset { get; init; } = "";
    [Id(1)] public BigInteger AmountPerEpoch { get; init; }
    [Id(2)] public long FirstEpoch { get; init; }
    [Id(3)] public long LastEpoch { get; init; }
    [Id(4)] public long? Chain { get; init; }
    [Id(5)] public string? Token { get; init; }

    /// <summary>The proposal that funded it.</summary>
    [Id(6)] public string FundedBy { get; init; } = "";
}
