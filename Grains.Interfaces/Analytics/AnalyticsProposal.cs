using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>What a proposal reports to the analytics of its DAO and of every DAO above it, once, when its vote is over.</summary>
[GenerateSerializer, Immutable, Alias("bt.AnalyticsProposal")]
public sealed record AnalyticsProposal
{
    [Id(0)] public string Proposal { get; init; } = "";
    [Id(1)] public ProposalOutcome Outcome { get; init; }

    /// <summary>Unix seconds voting opened (the snapshot).</summary>
    [Id(2)] public long OpenedAt { get; init; }

    /// <summary>Unix seconds voting closed (the final deadline); the proposal's period is this month.</summary>
    [Id(3)] public long ClosedAt { get; init; }

    /// <summary>Unix seconds quorum was first seen reached, or null.</summary>
    [Id(4)] public long? QuorumReachedAt { get; init; }

    /// <summary>Votable power at the snapshot: the base of turnout.</summary>
    [Id(5)] public BigInteger Votable { get; init; }
    [Id(6)] public int Shards { get; init; }
}
