using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Bounds a DAO sets for the constitutions of its sub-DAOs.</summary>
[GenerateSerializer, Immutable, Alias("bt.ConstitutionBounds")]
public sealed record ConstitutionBounds
{
    [Id(0)] public int MinQuorumBps { get; init; }
    [Id(1)] public int MinApprovalThresholdBps { get; init; } = 5000;
    [Id(2)] public TimeSpan MinVotingPeriod { get; init; } = TimeSpan.FromHours(1);
    [Id(3)] public TimeSpan MaxVotingPeriod { get; init; } = TimeSpan.FromDays(30);
    [Id(4)] public TimeSpan MinTimelockDelay { get; init; }
    [Id(5)] public ActionKinds AllowedActions { get; init; } = ActionKinds.All;

    /// <summary>Counting types sub-DAO classes may use; empty allows every type.</summary>
    [Id(6)] public ImmutableArray<CountingType> AllowedCountingTypes { get; init; } = [];

    /// <summary>Whether <paramref name="type"/> is allowed by these bounds.</summary>
    public bool AllowsCounting(CountingType type) => AllowedCountingTypes.IsDefaultOrEmpty || AllowedCountingTypes.Contains(type);
}
