using System.Collections.Immutable;
using System.Numerics;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// One address's voting record in one DAO's analytics (key <c>{dao}/{address}</c>): which closed proposals (by closing
/// number) it voted on, with or without a reason, and the periods it first voted in.
/// </summary>
[Alias("bt.IDelegateActivityGrain")]
public interface IDelegateActivityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a ballot on closed proposal number <paramref name="index"/> of <paramref name="period"/>. Idempotent: the same
    /// index answers the same again, so the caller may repeat a page after a crash and count the same.
    /// </summary>
    [Alias("Record")] Task<DelegateRecorded> Record(long index, string period, bool withReason);

    /// <summary>
    /// <see cref="Record"/>, and the proposal it was on, so the address's ballots across proposals can be listed
    /// (<see cref="GetVotedProposals"/>). Idempotent by <see cref="VotedProposal.Index"/> as <see cref="Record"/> is.
    /// </summary>
    [Alias("RecordBallot")] Task<DelegateRecorded> RecordBallot(VotedProposal ballot, string period, bool withReason);

    /// <summary>The closed proposals the address voted on, newest closing first: a page of the last <c>Kept</c>.</summary>
    [AlwaysInterleave, Alias("GetVotedProposals")] Task<VotedProposalPage> GetVotedProposals(int offset, int limit);

    [AlwaysInterleave, Alias("GetStanding")] Task<DelegateRow> GetStanding(DelegateWindows windows, BigInteger power);
}

/// <summary>
/// A closed proposal an address voted on, as the DAO's analytics read it from the sealed shards: where its ballot lies
/// (the shard count), not the ballot itself, which stays in the shard as the one record of it.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.VotedProposal")]
public sealed record VotedProposal
{
    /// <summary>The proposal's closing number in the recording DAO's analytics.</summary>
    [Id(0)] public long Index { get; init; }
    [Id(1)] public string Proposal { get; init; } = "";
    [Id(2)] public int Shards { get; init; }

    /// <summary>When voting closed (unix seconds).</summary>
    [Id(3)] public long ClosedAt { get; init; }
}

/// <summary>A page of <see cref="VotedProposal"/>s, newest closing first, and how many are kept in all.</summary>
[GenerateSerializer, Immutable, Alias("bt.VotedProposalPage")]
public sealed record VotedProposalPage
{
    [Id(0)] public ImmutableArray<VotedProposal> Items { get; init; } = [];
    [Id(1)] public int Total { get; init; }
}

/// <summary>Whether a recorded ballot was the address's first in its period, and its first at all.</summary>
[GenerateSerializer, Immutable, Alias("bt.DelegateRecorded")]
public readonly record struct DelegateRecorded([property: Id(0)] bool FirstInPeriod, [property: Id(1)] bool FirstEver);

/// <summary>A delegate's power and participation.</summary>
[GenerateSerializer, Immutable, Alias("bt.DelegateRow")]
public sealed record DelegateRow
{
    [Id(0)] public string Address { get; init; } = "";
    [Id(1)] public BigInteger Power { get; init; }

    /// <summary>Voted / closed among the last N closed proposals.</summary>
    [Id(2)] public int VotedLastN { get; init; }
    [Id(3)] public long LastN { get; init; }
    [Id(4)] public decimal Participation { get; init; }

    /// <summary>Over the proposals closed in the last 90 days: Karma's "active" is at least 75%.</summary>
    [Id(5)] public int Voted90Days { get; init; }
    [Id(6)] public long Closed90Days { get; init; }
    [Id(7)] public decimal Participation90Days { get; init; }
    [Id(8)] public bool Active { get; init; }

    /// <summary>Ballots and the share of them that gave a reason (all time).</summary>
    [Id(9)] public long Ballots { get; init; }
    [Id(10)] public decimal RationaleRate { get; init; }

    /// <summary>Share of the token's votable power.</summary>
    [Id(11)] public decimal PowerShare { get; init; }
}

[GenerateSerializer, Immutable, Alias("bt.DelegateBoard")]
public sealed record DelegateBoard
{
    [Id(0)] public string Dao { get; init; } = "";
    [Id(1)] public string Token { get; init; } = "";
    [Id(2)] public ImmutableArray<DelegateRow> Delegates { get; init; } = [];
    [Id(3)] public DateTimeOffset AsOf { get; init; }
}
