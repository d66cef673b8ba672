using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted facts of a proposal; its ballots live in the ballot log, not here.</summary>
[GenerateSerializer, Alias("bt.ProposalGrainState")]
public sealed class ProposalGrainState
{
    [Id(0)] public ProposalSetup? Setup { get; set; }
    [Id(1)] public DateTimeOffset Snapshot { get; set; }
    [Id(2)] public DateTimeOffset Deadline { get; set; }
    [Id(3)] public bool DeadlineExtended { get; set; }
    [Id(4)] public DateTimeOffset? QuorumReachedAt { get; set; }
    [Id(5)] public DateTimeOffset? Eta { get; set; }
    [Id(6)] public DateTimeOffset? ExecutedAt { get; set; }
    [Id(7)] public string? ExecutionError { get; set; }
    [Id(8)] public string? CanceledBy { get; set; }
    [Id(9)] public string? VetoedBy { get; set; }
    [Id(10)] public string? VetoReason { get; set; }
    [Id(11)] public BigInteger? VotableSupply { get; set; }
    [Id(12)] public BigInteger? QuorumRequired { get; set; }
    [Id(13)] public string? BallotSetHash { get; set; }

    /// <summary>The state last announced to the DAO index and metrics.</summary>
    [Id(14)] public ProposalState? Announced { get; set; }

    /// <summary>Set once every ballot shard is sealed; <see cref="FinalTally"/> is then the count of record.</summary>
    [Id(15)] public bool Sealed { get; set; }
    [Id(16)] public Tally? FinalTally { get; set; }

    /// <summary>Set once every chain the power source mirrors has been followed past the snapshot.</summary>
    [Id(17)] public bool SnapshotFinal { get; set; }

    /// <summary>Transactions of the last execution attempt.</summary>
    [Id(18)] public ImmutableArray<ChainTransaction> Transactions { get; set; } = [];

    /// <summary>When For reached the class's super-quorum and voting closed early.</summary>
    [Id(19)] public DateTimeOffset? SuperQuorumReachedAt { get; set; }

    /// <summary>Whether the sealed count has been handed to the DAO's participation ledger.</summary>
    [Id(20)] public bool ParticipationReported { get; set; }

    /// <summary>Audit acts (veto, cancel, failed execution) saved with their change and not yet in the audit log.</summary>
    [Id(21)] public List<AuditAct> AuditOutbox { get; set; } = [];
    [Id(22)] public long AuditCount { get; set; }

    /// <summary>When a shard's report first showed quorum reached (analytics' time to quorum), whatever the class.</summary>
    [Id(23)] public DateTimeOffset? QuorumSeenAt { get; set; }

    /// <summary>Whether the closed vote has been handed to the analytics of the DAO and of every DAO above it.</summary>
    [Id(24)] public bool AnalyticsReported { get; set; }
}
