using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A DAO's governance figures over one period (its own proposals and those of every DAO below it).</summary>
[GenerateSerializer, Immutable, Alias("bt.AnalyticsReport")]
public sealed record AnalyticsReport
{
    [Id(0)] public string Dao { get; init; } = "";
    [Id(1)] public string Period { get; init; } = "";
    [Id(2)] public int Proposals { get; init; }
    [Id(3)] public int Passed { get; init; }
    [Id(4)] public int NoQuorum { get; init; }
    [Id(5)] public int Rejected { get; init; }
    [Id(6)] public int Canceled { get; init; }

    /// <summary>Passed / proposals that came to a vote (all but canceled).</summary>
    [Id(7)] public decimal PassRate { get; init; }

    /// <summary>Median turnout (power cast / votable at the snapshot) of the proposals whose ballots have been read.</summary>
    [Id(8)] public decimal? MedianTurnout { get; init; }

    /// <summary>Median seconds from voting open to quorum, over the proposals that reached it.</summary>
    [Id(9)] public decimal? MedianSecondsToQuorum { get; init; }

    /// <summary>Distinct addresses that voted on at least one proposal of the period.</summary>
    [Id(10)] public long UniqueVoters { get; init; }
    [Id(11)] public long Ballots { get; init; }
    [Id(12)] public ImmutableArray<ProposalFigures> Items { get; init; } = [];

    /// <summary>Closed proposals of the period whose ballots are still being read (their turnout and voters are not in yet).</summary>
    [Id(13)] public int Pending { get; init; }

    /// <summary>What came into and went out of the DAO's own treasury per asset in the period (sub-DAOs' treasuries not included).</summary>
    [Id(14)] public ImmutableArray<AssetFlow> TreasuryFlows { get; init; } = [];
    [Id(15)] public DateTimeOffset AsOf { get; init; }
}

[GenerateSerializer, Immutable, Alias("bt.ProposalFigures")]
public sealed record ProposalFigures
{
    [Id(0)] public string Proposal { get; init; } = "";
    [Id(1)] public ProposalOutcome Outcome { get; init; }
    [Id(2)] public long ClosedAt { get; init; }
    [Id(3)] public long Ballots { get; init; }
    [Id(4)] public BigInteger PowerCast { get; init; }
    [Id(5)] public BigInteger Votable { get; init; }

    /// <summary>Power cast / votable, in parts per million rounded down; null until the ballots are read.</summary>
    [Id(6)] public long? TurnoutPpm { get; init; }
    [Id(7)] public long? SecondsToQuorum { get; init; }
}

[GenerateSerializer, Immutable, Alias("bt.AssetFlow")]
public sealed record AssetFlow
{
    [Id(0)] public string Asset { get; init; } = "";
    [Id(1)] public BigInteger In { get; init; }
    [Id(2)] public BigInteger Out { get; init; }
}
