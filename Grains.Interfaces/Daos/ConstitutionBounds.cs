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
}
