namespace Blocktrack.Grains.Interfaces;

/// <summary>What a proposal reports to its DAO's participation ledger once its ballots are sealed and counted.</summary>
[GenerateSerializer, Immutable, Alias("bt.ClosedProposal")]
public sealed record ClosedProposal
{
    [Id(0)] public string Proposal { get; init; } = "";
    [Id(1)] public string Proposer { get; init; } = "";

    /// <summary>When the tally was sealed (unix seconds): the timepoint of every award it causes.</summary>
    [Id(2)] public long ClosedAt { get; init; }
    [Id(3)] public bool QuorumReached { get; init; }
    [Id(4)] public bool Passed { get; init; }
    [Id(5)] public int Shards { get; init; }
    [Id(6)] public long Ballots { get; init; }
}
