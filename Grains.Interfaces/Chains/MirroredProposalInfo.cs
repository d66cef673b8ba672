using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>An on-chain Governor proposal as mirrored from its logs, with its state as of the last mirrored block.</summary>
[GenerateSerializer, Immutable, Alias("bt.MirroredProposalInfo")]
public sealed record MirroredProposalInfo
{
    [Id(0)] public long ChainId { get; init; }
    [Id(1)] public string Governor { get; init; } = "";

    /// <summary>The read-only mirror path configured for the governor (e.g. <c>onchain/l3</c>).</summary>
    [Id(2)] public string Dao { get; init; } = "";

    /// <summary>The uint256 proposal id in decimal.</summary>
    [Id(3)] public string Id { get; init; } = "";
    [Id(4)] public string Proposer { get; init; } = "";

    /// <summary>The first line of the description, without Markdown heading marks.</summary>
    [Id(5)] public string Title { get; init; } = "";
    [Id(6)] public string Description { get; init; } = "";
    [Id(7)] public ImmutableArray<string> Targets { get; init; } = [];
    [Id(8)] public ImmutableArray<BigInteger> Values { get; init; } = [];
    [Id(9)] public ImmutableArray<string> Signatures { get; init; } = [];
    [Id(10)] public ImmutableArray<string> Calldatas { get; init; } = [];

    /// <summary>Snapshot (unix seconds): votes count as of this moment; voting opens after it.</summary>
    [Id(11)] public long VoteStart { get; init; }

    /// <summary>Deadline (unix seconds): the last moment a vote is accepted.</summary>
    [Id(12)] public long VoteEnd { get; init; }

    /// <summary>The Governor's state as of <see cref="AsOf"/>, derived like OpenZeppelin's <c>state(proposalId)</c>.</summary>
    [Id(13)] public ProposalState State { get; init; }

    /// <summary>For / Against / Abstain summed from VoteCast weights; Voters counts VoteCast logs.</summary>
    [Id(14)] public Tally Tally { get; init; } = Tally.Empty;

    /// <summary>The Governor's <c>quorum(voteStart)</c>, read from the chain once the snapshot has passed; null before.</summary>
    [Id(15)] public BigInteger? Quorum { get; init; }

    /// <summary>When queued: the timelock's eta (unix seconds).</summary>
    [Id(16)] public long? Eta { get; init; }

    [Id(17)] public long CreatedBlock { get; init; }
    [Id(18)] public long? CanceledBlock { get; init; }
    [Id(19)] public long? QueuedBlock { get; init; }
    [Id(20)] public long? ExecutedBlock { get; init; }

    /// <summary>The last block that changed this proposal.</summary>
    [Id(21)] public long LastBlock { get; init; }

    /// <summary>The chain time (timestamp of the last mirrored block) the state is derived at.</summary>
    [Id(22)] public long AsOf { get; init; }

    /// <summary>
    /// True when voting has closed but the quorum could not be read from the node yet: the state then follows
    /// For &gt; Against alone and may still turn from Succeeded to Defeated.
    /// </summary>
    [Id(23)] public bool Provisional { get; init; }
}
