using System.Collections.Immutable;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted state of a DAO's reward epoch.</summary>
[GenerateSerializer, Alias("bt.RewardEpochGrainState")]
public sealed class RewardEpochGrainState
{
    /// <summary>The programme as it stood at the epoch's first grant: its length, cap and settling time hold for the epoch.</summary>
    [Id(0)] public ParticipationRules? Rules { get; set; }

    /// <summary>Points per address, after caps.</summary>
    [Id(1)] public Dictionary<string, long> Points { get; set; } = [];

    /// <summary>Every grant by <c>{cause}|{address}</c>, so a cause is granted once.</summary>
    [Id(2)] public Dictionary<string, long> Grants { get; set; } = [];
    [Id(3)] public RewardEpochState Phase { get; set; }
    [Id(4)] public ImmutableArray<RewardDraw> Budget { get; set; } = [];

    /// <summary>The allocation, by points (largest first, ties by address).</summary>
    [Id(5)] public List<RewardShare> Allocation { get; set; } = [];

    /// <summary>On-chain batches sent, by <c>{draw}/{batch}</c>, and their transactions.</summary>
    [Id(6)] public Dictionary<string, ChainTransaction> Batches { get; set; } = [];

    /// <summary>How many shares have been credited to their participants so far.</summary>
    [Id(7)] public int Credited { get; set; }
    [Id(8)] public bool Returned { get; set; }
    [Id(9)] public bool RanksAnnounced { get; set; }
    [Id(10)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(11)] public DateTimeOffset? PaidAt { get; set; }
    [Id(12)] public string? PaymentError { get; set; }
}
