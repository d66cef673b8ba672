using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted state of a DAO's analytics: one record per closed proposal, per-period voter counts, work in progress.</summary>
[GenerateSerializer, Alias("bt.DaoAnalyticsState")]
public sealed class DaoAnalyticsState
{
    /// <summary>Closed proposals in closing order.</summary>
    [Id(0)] public List<AnalyticsProposalRecord> Closed { get; set; } = [];

    /// <summary>Distinct voters per period (<c>yyyy-MM</c> and <c>all</c>).</summary>
    [Id(1)] public Dictionary<string, long> UniqueVoters { get; set; } = [];

    /// <summary>Closed proposals whose ballots are still being read, oldest first.</summary>
    [Id(2)] public List<AnalyticsJob> Jobs { get; set; } = [];
    [Id(3)] public long BallotsProcessed { get; set; }
}

[GenerateSerializer, Alias("bt.AnalyticsProposalRecord")]
public sealed class AnalyticsProposalRecord
{
    [Id(0)] public AnalyticsProposal Fact { get; set; } = new();

    /// <summary>Its vote number: 1, 2, … in closing order among the proposals that came to a vote; 0 for a canceled one.</summary>
    [Id(1)] public long Index { get; set; }
    [Id(2)] public string Period { get; set; } = "";
    [Id(3)] public long Ballots { get; set; }
    [Id(4)] public BigInteger PowerCast { get; set; }

    /// <summary>Set once every ballot has been read.</summary>
    [Id(5)] public bool Done { get; set; }
}

/// <summary>Progress through a closed proposal's ballots: the shard and the last voter read (ballots come in voter order).</summary>
[GenerateSerializer, Alias("bt.AnalyticsJob")]
public sealed class AnalyticsJob
{
    /// <summary>The proposal's place in <see cref="DaoAnalyticsState.Closed"/>, from 1.</summary>
    [Id(0)] public int Position { get; set; }
    [Id(1)] public int Shard { get; set; }
    [Id(2)] public string? After { get; set; }
}

/// <summary>Persisted state of one address's record in one DAO's analytics.</summary>
[GenerateSerializer, Alias("bt.DelegateActivityState")]
public sealed class DelegateActivityState
{
    /// <summary>Closing numbers voted on, ascending, the last <c>DelegateActivityGrain.Kept</c> of them.</summary>
    [Id(0)] public List<long> Voted { get; set; } = [];
    [Id(1)] public long Ballots { get; set; }
    [Id(2)] public long WithReason { get; set; }

    /// <summary>The closing number of the first ballot per period, so a repeated record answers the same.</summary>
    [Id(3)] public Dictionary<string, long> FirstIn { get; set; } = [];

    /// <summary>
    /// The proposals behind the last closing numbers of <see cref="Voted"/> (ballots recorded before this was kept are not).
    /// </summary>
    [Id(4)] public List<VotedProposal> Proposals { get; set; } = [];
}

/// <summary>The latest delegated votes of one token a voter has reported to the token's distribution.</summary>
[GenerateSerializer, Alias("bt.PowerFeedReport")]
public sealed class PowerFeedReport
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public BigInteger Power { get; set; }

    /// <summary>The distribution has applied this version (saved with the next change; until then resent on activation).</summary>
    [Id(2)] public bool Confirmed { get; set; }
}
