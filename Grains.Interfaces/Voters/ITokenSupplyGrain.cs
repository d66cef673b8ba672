using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Total delegated (votable) power of a token over time, keyed by token id.</summary>
[Alias("bt.ITokenSupplyGrain")]
public interface ITokenSupplyGrain : IGrainWithStringKey
{
    /// <summary>Adds a change of votable power; idempotent per (source, sequence) until the source calls <see cref="Forget"/>.</summary>
    [Alias("Adjust")] Task Adjust(string source, long sequence, long timepoint, BigInteger delta);

    /// <summary>
    /// The source has durably removed its changes up to <paramref name="sequence"/> from its outbox and will never send them
    /// again, so the supply forgets the source's last sequence: what it remembers stays bounded by the changes in flight, not
    /// by the number of voters. One-way: a lost call only leaves a small entry behind.
    /// </summary>
    [Orleans.Concurrency.OneWay, Alias("Forget")] Task Forget(string source, long sequence);

    /// <summary>Adds a change of votable power mirrored from a chain log; applying the same log twice changes nothing.</summary>
    [Alias("ApplyChainDelta")] Task ApplyChainDelta(long block, int logIndex, long timestamp, BigInteger delta);

    /// <summary>Several changes of votable power in log order, saved once; each applies at most once.</summary>
    [Alias("ApplyChainDeltas")] Task ApplyChainDeltas(ImmutableArray<ChainValue> deltas);

    /// <summary>Forgets what was mirrored from <paramref name="fromBlock"/> on (a reorg replaced those blocks).</summary>
    [Alias("RollbackChain")] Task RollbackChain(long fromBlock);

    /// <summary>A DAO counting this token retired the operator's balance feed: for good, whoever asks later.</summary>
    [Alias("RetireOperatorFeed")] Task RetireOperatorFeed(string dao);

    /// <summary>The DAO that retired the operator's balance feed of this token, or null.</summary>
    [Orleans.Concurrency.AlwaysInterleave, Alias("OperatorFeedRetiredBy")] Task<string?> OperatorFeedRetiredBy();

    /// <summary>Votable power at a past timepoint.</summary>
    [Alias("GetVotable")] Task<BigInteger> GetVotable(long timepoint);
}
