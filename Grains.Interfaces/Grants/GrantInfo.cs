using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A milestone of a grant as it stands.</summary>
[GenerateSerializer, Immutable, Alias("bt.MilestoneInfo")]
public sealed record MilestoneInfo
{
    [Id(0)] public int Index { get; init; }
    [Id(1)] public MilestonePlan Plan { get; init; } = new();

    /// <summary>The tranche: the grant's amount × share (the last milestone takes what rounding left).</summary>
    [Id(2)] public BigInteger Amount { get; init; }

    [Id(3)] public MilestoneStatus Status { get; init; }
    [Id(4)] public string? EvidenceUrl { get; init; }
    [Id(5)] public string? EvidenceHash { get; init; }

    /// <summary>Past due and not paid (nor canceled).</summary>
    [Id(6)] public bool Overdue { get; init; }

    /// <summary>Committee members who approved (or rejected) the current submission.</summary>
    [Id(7)] public ImmutableArray<string> Approvals { get; init; } = [];

    [Id(8)] public ImmutableArray<string> Rejections { get; init; } = [];

    /// <summary>The on-chain transfer that paid the tranche, when the program's asset is held on chain.</summary>
    [Id(9)] public ChainTransaction? Transaction { get; init; }
}

/// <summary>One recorded change of a grant: who, when, what and why.</summary>
[GenerateSerializer, Immutable, Alias("bt.GrantEvent")]
public sealed record GrantEvent
{
    [Id(0)] public DateTimeOffset At { get; init; }

    /// <summary>The acting address, or the proposal id for a decision by an executed proposal, or "clock".</summary>
    [Id(1)] public string Actor { get; init; } = "";

    /// <summary>applied, reviewed, approved, rejected, milestone-submitted, milestone-reviewed, milestone-paid, overdue, canceled ...</summary>
    [Id(2)] public string Kind { get; init; } = "";

    [Id(3)] public int? Milestone { get; init; }
    [Id(4)] public string Reason { get; init; } = "";

    /// <summary>The signed message's digest, or the cause of an act by a proposal or the clock.</summary>
    [Id(5)] public string Cause { get; init; } = "";
}

/// <summary>A grant (an application until approved) of a program.</summary>
[GenerateSerializer, Immutable, Alias("bt.GrantInfo")]
public sealed record GrantInfo
{
    /// <summary><c>{dao}/programs/{n}/grants/{m}</c>.</summary>
    [Id(0)] public string Id { get; init; } = "";

    [Id(1)] public string Dao { get; init; } = "";
    [Id(2)] public long Program { get; init; }
    [Id(3)] public long Number { get; init; }
    [Id(4)] public GrantApplication Application { get; init; } = new();
    [Id(5)] public GrantStatus Status { get; init; }
    [Id(6)] public string Asset { get; init; } = "";
    [Id(7)] public BigInteger Paid { get; init; }

    /// <summary>What returned to the program when the grant was canceled.</summary>
    [Id(8)] public BigInteger ClawedBack { get; init; }

    [Id(9)] public ImmutableArray<MilestoneInfo> Milestones { get; init; } = [];
    [Id(10)] public ImmutableArray<string> Approvals { get; init; } = [];
    [Id(11)] public ImmutableArray<string> Rejections { get; init; } = [];
    [Id(12)] public ImmutableArray<string> Cancellations { get; init; } = [];
    [Id(13)] public ImmutableArray<GrantEvent> History { get; init; } = [];
    [Id(14)] public DateTimeOffset AppliedAt { get; init; }
}
