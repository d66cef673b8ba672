using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A DAO's reward epoch: its points, and once closed its allocation and how it was paid.</summary>
[GenerateSerializer, Immutable, Alias("bt.RewardEpochInfo")]
public sealed record RewardEpochInfo
{
    [Id(0)] public string Dao { get; init; } = "";
    [Id(1)] public long Epoch { get; init; }
    [Id(2)] public DateTimeOffset Start { get; init; }
    [Id(3)] public DateTimeOffset End { get; init; }
    [Id(4)] public RewardEpochState State { get; init; }
    [Id(5)] public long Participants { get; init; }
    [Id(6)] public long TotalPoints { get; init; }

    /// <summary>What the DAO's budgets gave this epoch at its close, per asset.</summary>
    [Id(7)] public ImmutableArray<RewardDraw> Budget { get; init; } = [];

    /// <summary>A page of the allocation, largest share first (empty before the close).</summary>
    [Id(8)] public ImmutableArray<RewardShare> Allocation { get; init; } = [];
    [Id(9)] public long AllocationTotal { get; init; }

    /// <summary>Per asset: paid to participants and returned to the treasury (rounding and an epoch without points).</summary>
    [Id(10)] public ImmutableArray<RewardSettlement> Settlements { get; init; } = [];

    /// <summary>The batched ERC-20 transfers, for budgets paid on chain.</summary>
    [Id(11)] public ImmutableArray<ChainTransaction> Transactions { get; init; } = [];
    [Id(12)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(13)] public DateTimeOffset? PaidAt { get; init; }
    [Id(14)] public string? PaymentError { get; init; }
}

/// <summary>Persisted: numbers never change.</summary>
public enum RewardEpochState
{
    Open = 0,
    Closed = 1,
    Paid = 2,
}

/// <summary>One budget's draw for an epoch: the asset, the amount, and where it is paid (on chain when Chain is set).</summary>
[GenerateSerializer, Immutable, Alias("bt.RewardDraw")]
public sealed record RewardDraw
{
    [Id(0)] public string Asset { get; init; } = "";
    [Id(1)] public BigInteger Amount { get; init; }

    /// <summary>Chain whose timelock holds the asset as an ERC-20 at <see cref="Token"/>; null: paid as ledger credits.</summary>
    [Id(2)] public long? Chain { get; init; }
    [Id(3)] public string? Token { get; init; }
}

/// <summary>One address's share of an epoch.</summary>
[GenerateSerializer, Immutable, Alias("bt.RewardShare")]
public sealed record RewardShare
{
    [Id(0)] public string Address { get; init; } = "";
    [Id(1)] public long Points { get; init; }

    /// <summary>Per draw, in the order of <see cref="RewardEpochInfo.Budget"/>.</summary>
    [Id(2)] public ImmutableArray<BigInteger> Amounts { get; init; } = [];
}

/// <summary>How one draw of an epoch ended: paid + returned = drawn.</summary>
[GenerateSerializer, Immutable, Alias("bt.RewardSettlement")]
public sealed record RewardSettlement
{
    [Id(0)] public string Asset { get; init; } = "";
    [Id(1)] public BigInteger Drawn { get; init; }
    [Id(2)] public BigInteger Paid { get; init; }
    [Id(3)] public BigInteger Returned { get; init; }
}
