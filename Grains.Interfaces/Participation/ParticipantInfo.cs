using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>An address's participation in a DAO.</summary>
[GenerateSerializer, Immutable, Alias("bt.ParticipantInfo")]
public sealed record ParticipantInfo
{
    [Id(0)] public string Dao { get; init; } = "";
    [Id(1)] public string Address { get; init; } = "";
    [Id(2)] public long Ballots { get; init; }
    [Id(3)] public long ProposalsPassed { get; init; }
    [Id(4)] public long ModerationsUpheld { get; init; }
    [Id(5)] public long TotalPoints { get; init; }
    [Id(6)] public ImmutableArray<EpochPoints> Epochs { get; init; } = [];
    [Id(7)] public ImmutableArray<RewardCredit> Rewards { get; init; } = [];
    [Id(8)] public ImmutableArray<BadgeAward> Badges { get; init; } = [];

    /// <summary>Grant milestones the address delivered (approved and paid) in this DAO's programs.</summary>
    [Id(9)] public long MilestonesDelivered { get; init; }
}

[GenerateSerializer, Immutable, Alias("bt.EpochPoints")]
public sealed record EpochPoints
{
    [Id(0)] public long Epoch { get; init; }
    [Id(1)] public long Points { get; init; }
}

/// <summary>A reward paid to the address: a ledger credit it may claim, or an on-chain transfer.</summary>
[GenerateSerializer, Immutable, Alias("bt.RewardCredit")]
public sealed record RewardCredit
{
    [Id(0)] public long Epoch { get; init; }
    [Id(1)] public string Asset { get; init; } = "";
    [Id(2)] public BigInteger Amount { get; init; }

    /// <summary>The batched transfer that paid it on chain; null for a ledger credit.</summary>
    [Id(3)] public string? Transaction { get; init; }
}

/// <summary>A badge awarded to the address, with the state of its soulbound token on the L3.</summary>
[GenerateSerializer, Immutable, Alias("bt.BadgeAward")]
public sealed record BadgeAward
{
    [Id(0)] public string Badge { get; init; } = "";
    [Id(1)] public string Name { get; init; } = "";

    /// <summary>The fact that earned it, e.g. <c>vote:{proposal}</c> for the tenth ballot.</summary>
    [Id(2)] public string Cause { get; init; } = "";
    [Id(3)] public long AwardedAt { get; init; }

    /// <summary>uint256(keccak256(abi.encode(dao, badge, address))) as decimal: the token's id on the badge contract.</summary>
    [Id(4)] public string TokenId { get; init; } = "";

    /// <summary>Chain of the badge contract; null when no badge contract is configured (recorded off chain only).</summary>
    [Id(5)] public long? Chain { get; init; }

    /// <summary>The executor's transaction that minted it (last attempt).</summary>
    [Id(6)] public string? MintTransaction { get; init; }

    /// <summary>Block in which the chain watcher saw the mint; null until mirrored (or after a reorg dropped it).</summary>
    [Id(7)] public long? MintedBlock { get; init; }
    [Id(8)] public string? MintError { get; init; }
}
