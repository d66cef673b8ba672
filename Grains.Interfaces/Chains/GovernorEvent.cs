using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// One decoded Governor log, placed by (block, log index) and stamped with its block's time. Only the fields of its
/// <see cref="Kind"/> are set: proposal fields for Created, voter fields for VoteCast, <see cref="Eta"/> for Queued.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.GovernorEvent")]
public sealed record GovernorEvent
{
    [Id(0)] public long Block { get; init; }
    [Id(1)] public int LogIndex { get; init; }
    [Id(2)] public long Timestamp { get; init; }
    [Id(3)] public GovernorEventKind Kind { get; init; }

    /// <summary>The uint256 proposal id in decimal.</summary>
    [Id(4)] public string ProposalId { get; init; } = "";

    [Id(5)] public string Proposer { get; init; } = "";
    [Id(6)] public ImmutableArray<string> Targets { get; init; } = [];
    [Id(7)] public ImmutableArray<BigInteger> Values { get; init; } = [];
    [Id(8)] public ImmutableArray<string> Signatures { get; init; } = [];

    /// <summary>Calldata per target, 0x hex.</summary>
    [Id(9)] public ImmutableArray<string> Calldatas { get; init; } = [];

    /// <summary>Snapshot timepoint (unix seconds on a timestamp clock): votes count as of this moment.</summary>
    [Id(10)] public long VoteStart { get; init; }

    /// <summary>Last timepoint at which votes are accepted.</summary>
    [Id(11)] public long VoteEnd { get; init; }

    [Id(12)] public string Description { get; init; } = "";
    [Id(13)] public string Voter { get; init; } = "";

    /// <summary>GovernorCountingSimple numbering: 0 Against, 1 For, 2 Abstain.</summary>
    [Id(14)] public int Support { get; init; }

    [Id(15)] public BigInteger Weight { get; init; }
    [Id(16)] public string Reason { get; init; } = "";

    /// <summary>When a queued proposal may execute (unix seconds).</summary>
    [Id(17)] public long Eta { get; init; }
}
