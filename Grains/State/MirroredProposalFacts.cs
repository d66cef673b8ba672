using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>What a proposal's Governor logs say so far, folded in (block, log index) order.</summary>
[GenerateSerializer, Immutable, Alias("bt.MirroredProposalFacts")]
public sealed record MirroredProposalFacts
{
    public static readonly MirroredProposalFacts None = new();

    /// <summary>Whether ProposalCreated has been mirrored.</summary>
    [Id(0)] public bool Exists { get; init; }
    [Id(1)] public string Proposer { get; init; } = "";
    [Id(2)] public ImmutableArray<string> Targets { get; init; } = [];
    [Id(3)] public ImmutableArray<BigInteger> Values { get; init; } = [];
    [Id(4)] public ImmutableArray<string> Signatures { get; init; } = [];
    [Id(5)] public ImmutableArray<string> Calldatas { get; init; } = [];
    [Id(6)] public long VoteStart { get; init; }
    [Id(7)] public long VoteEnd { get; init; }
    [Id(8)] public string Description { get; init; } = "";
    [Id(9)] public long CreatedBlock { get; init; } = -1;
    [Id(10)] public Tally Tally { get; init; } = Tally.Empty;
    [Id(11)] public long? CanceledBlock { get; init; }
    [Id(12)] public long? QueuedBlock { get; init; }
    [Id(13)] public long? Eta { get; init; }
    [Id(14)] public long? ExecutedBlock { get; init; }

    /// <summary>Position of the last log applied: later logs apply, earlier or equal ones are repeats.</summary>
    [Id(15)] public long LastBlock { get; init; } = -1;
    [Id(16)] public int LastLogIndex { get; init; } = -1;

    /// <summary>Time of the last log applied.</summary>
    [Id(17)] public long LastTimestamp { get; init; }
}
