using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// One address's participation in one DAO, keyed <c>{dao}/{address}</c>: what it did (ballots, passed proposals, upheld
/// moderations), points per epoch, reward credits, and badges with their mint on the L3.
/// </summary>
[Alias("bt.IParticipantGrain")]
public interface IParticipantGrain : IGrainWithStringKey
{
    /// <summary>Records a fact from the DAO's participation ledger or an epoch; idempotent by the fact's cause.</summary>
    [Alias("Record")] Task Record(ParticipantFact fact);

    [AlwaysInterleave, Alias("GetInfo")] Task<ParticipantInfo> GetInfo();

    /// <summary>The chain watcher saw the badge's mint (a Transfer from the zero address) in a block.</summary>
    [Alias("BadgeMinted")] Task BadgeMinted(string badge, long chain, long block, string transaction, string tokenId);

    /// <summary>A reorg dropped the blocks from <paramref name="fromBlock"/>: mints seen there are sent again.</summary>
    [Alias("RollbackBadges")] Task RollbackBadges(long chain, long fromBlock);
}

/// <summary>Kinds of participant fact. Persisted: numbers never change.</summary>
public enum ParticipantFactKind
{
    Voted = 1,
    ProposalPassed = 2,
    ModerationUpheld = 3,
    RewardCredited = 4,
    TopInEpoch = 5,
    MilestoneDelivered = 6,
}

/// <summary>One fact about a participant; the fields a kind does not use stay default.</summary>
[GenerateSerializer, Immutable, Alias("bt.ParticipantFact")]
public sealed record ParticipantFact
{
    [Id(0)] public ParticipantFactKind Kind { get; init; }

    /// <summary>The fact's identity, e.g. <c>vote:{proposal}</c> or <c>reward:{epoch}:{asset}</c>.</summary>
    [Id(1)] public string Cause { get; init; } = "";
    [Id(2)] public long At { get; init; }
    [Id(3)] public long Epoch { get; init; }

    /// <summary>Points granted for it (after the epoch's cap).</summary>
    [Id(4)] public long Points { get; init; }

    /// <summary>Voted: the proposal's place among the DAO's closed proposals (1 = the first to close).</summary>
    [Id(5)] public long ClosedIndex { get; init; }

    /// <summary>RewardCredited: what was credited, and the transaction when it was paid on chain.</summary>
    [Id(6)] public string? Asset { get; init; }
    [Id(7)] public System.Numerics.BigInteger Amount { get; init; }
    [Id(8)] public string? Transaction { get; init; }

    /// <summary>TopInEpoch: the rank by points (1 = the top).</summary>
    [Id(9)] public int Rank { get; init; }
}
