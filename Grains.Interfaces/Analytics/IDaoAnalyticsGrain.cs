using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// A DAO's analytics, keyed by the DAO's path, covering the proposals of the DAO and of every sub-DAO below it. Kept
/// incrementally: a closed proposal is recorded once, its ballots then read a page per turn (never again) into delegate
/// records and per-period totals; a report is computed from those, never from ballots.
/// </summary>
[Alias("bt.IDaoAnalyticsGrain")]
public interface IDaoAnalyticsGrain : IGrainWithStringKey
{
    /// <summary>A proposal of this DAO or of one below it has closed; idempotent per proposal. Returns once the fact is durable.</summary>
    [Alias("ProposalClosed")] Task ProposalClosed(AnalyticsProposal fact);

    /// <summary>The report of a period: <c>all</c> or a month <c>yyyy-MM</c> (UTC).</summary>
    [AlwaysInterleave, Alias("GetReport")] Task<AnalyticsReport> GetReport(string period);

    /// <summary>The delegate leaderboard: the <paramref name="limit"/> delegates of <paramref name="token"/> with the most power.</summary>
    [AlwaysInterleave, Alias("GetDelegates")] Task<DelegateBoard> GetDelegates(string token, int limit, int lastN);

    /// <summary>Delegates below the query's participation threshold and active proposals closing soon below quorum.</summary>
    [AlwaysInterleave, Alias("GetNudges")] Task<Nudges> GetNudges(NudgeQuery query);

    /// <summary>The window of closed proposals a participation rate is taken over: the last N, and those closed since a time.</summary>
    [AlwaysInterleave, Alias("GetWindows")] Task<DelegateWindows> GetWindows(int lastN, long since);

    [AlwaysInterleave, Alias("GetStatus")] Task<AnalyticsStatus> GetStatus();
}

[GenerateSerializer, Immutable, Alias("bt.AnalyticsStatus")]
public sealed record AnalyticsStatus
{
    [Id(0)] public long ProposalsClosed { get; init; }

    /// <summary>Closed proposals whose ballots are still being read.</summary>
    [Id(1)] public int Pending { get; init; }
    [Id(2)] public long BallotsProcessed { get; init; }
}

/// <summary>Closed proposals numbered (After, To] in closing order: the last N, and those closed since a time.</summary>
[GenerateSerializer, Immutable, Alias("bt.DelegateWindows")]
public sealed record DelegateWindows
{
    [Id(0)] public long LastNAfter { get; init; }
    [Id(1)] public long LastNTo { get; init; }
    [Id(2)] public long SinceAfter { get; init; }
    [Id(3)] public long SinceTo { get; init; }
}

[GenerateSerializer, Immutable, Alias("bt.NudgeQuery")]
public sealed record NudgeQuery
{
    [Id(0)] public string Token { get; init; } = "";

    /// <summary>Delegates below this participation (basis points of the last N proposals) are listed.</summary>
    [Id(1)] public int ThresholdBps { get; init; } = 7_500;
    [Id(2)] public int LastN { get; init; } = 10;

    /// <summary>How many delegates, by power, are looked at.</summary>
    [Id(3)] public int Delegates { get; init; } = 100;

    /// <summary>Active proposals whose deadline is within this many seconds are looked at.</summary>
    [Id(4)] public long ClosingWithinSeconds { get; init; } = 86_400;
}

[GenerateSerializer, Immutable, Alias("bt.Nudges")]
public sealed record Nudges
{
    [Id(0)] public string Dao { get; init; } = "";
    [Id(1)] public ImmutableArray<DelegateRow> Delegates { get; init; } = [];
    [Id(2)] public ImmutableArray<ClosingProposal> Proposals { get; init; } = [];
    [Id(3)] public DateTimeOffset AsOf { get; init; }
}

/// <summary>An active proposal closing soon that has not reached quorum.</summary>
[GenerateSerializer, Immutable, Alias("bt.ClosingProposal")]
public sealed record ClosingProposal
{
    [Id(0)] public string Proposal { get; init; } = "";
    [Id(1)] public string Title { get; init; } = "";
    [Id(2)] public DateTimeOffset Deadline { get; init; }
    [Id(3)] public System.Numerics.BigInteger QuorumVotes { get; init; }
    [Id(4)] public System.Numerics.BigInteger QuorumRequired { get; init; }

    /// <summary>Quorum votes / quorum required.</summary>
    [Id(5)] public decimal QuorumProgress { get; init; }
}
