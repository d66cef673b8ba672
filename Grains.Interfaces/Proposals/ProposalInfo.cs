using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Everything about a proposal, as of <see cref="AsOf"/>.</summary>
[GenerateSerializer, Immutable, Alias("bt.ProposalInfo")]
public sealed record ProposalInfo
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Dao { get; init; } = "";
    [Id(2)] public long Seq { get; init; }
    [Id(3)] public string Proposer { get; init; } = "";
    [Id(4)] public string Title { get; init; } = "";
    [Id(5)] public string Description { get; init; } = "";
    [Id(6)] public ImmutableArray<ProposalAction> Actions { get; init; } = [];
    [Id(7)] public ProposalClass Class { get; init; } = new();
    [Id(8)] public int ConstitutionVersion { get; init; }
    [Id(9)] public ProposalState State { get; init; }
    [Id(10)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Voting power is read at this instant (unix seconds on the token's timestamp clock).</summary>
    [Id(11)] public DateTimeOffset Snapshot { get; init; }

    /// <summary>Voting closes at this instant (after any late-quorum extension).</summary>
    [Id(12)] public DateTimeOffset Deadline { get; init; }
    [Id(13)] public bool DeadlineExtended { get; init; }
    [Id(14)] public DateTimeOffset? Eta { get; init; }
    [Id(15)] public DateTimeOffset? ExecutedAt { get; init; }
    [Id(16)] public Tally Tally { get; init; } = Tally.Empty;

    /// <summary>Votable power at the snapshot; null until voting opens.</summary>
    [Id(17)] public BigInteger? VotableSupply { get; init; }
    [Id(18)] public BigInteger? QuorumRequired { get; init; }
    [Id(19)] public string? ExecutionError { get; init; }
    [Id(20)] public string? CanceledBy { get; init; }
    [Id(21)] public string? VetoedBy { get; init; }
    [Id(22)] public string? VetoReason { get; init; }

    /// <summary>
    /// Once voting has closed: keccak256 of the shards' Merkle roots in shard order, so anyone can check the tally
    /// ballot by ballot (see BallotSetHash).
    /// </summary>
    [Id(23)] public string? BallotSetHash { get; init; }
    [Id(24)] public DateTimeOffset AsOf { get; init; }

    [Id(25)] public int BallotShards { get; init; }

    /// <summary>Transactions of the last execution attempt (on-chain calls through the timelock).</summary>
    [Id(26)] public ImmutableArray<ChainTransaction> Transactions { get; init; } = [];

    /// <summary>Choice classes: what ballots choose among (numbered from 1 in ballots), each with its own actions.</summary>
    [Id(27)] public ImmutableArray<ProposalChoice> Choices { get; init; } = [];
}
