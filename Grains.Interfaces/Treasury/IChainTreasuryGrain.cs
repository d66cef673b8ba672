using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// The mirror of one DAO's on-chain treasury (key: DAO path), written only by its chain's watcher: the ledger of
/// transfers into and out of the account, idempotent by (block, log index, kind) and rolled back with a reorg. Every
/// change of a balance is handed to the DAO, which plans and reports with it.
/// </summary>
[Alias("bt.IChainTreasuryGrain")]
public interface IChainTreasuryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies mirrored movements (an opening balance or transfers) in order; entries below
    /// <paramref name="finalBelow"/> can no longer be rolled back and move to the archive.
    /// </summary>
    [Alias("Apply")] Task Apply(ImmutableArray<TreasuryMovement> movements, long finalBelow);

    /// <summary>
    /// Native balances read at the end of a mirrored range (value transfers emit no log): each difference from the mirror's
    /// balance becomes one movement at that block, so a range mirrored again adds nothing.
    /// </summary>
    [Alias("Observe")] Task Observe(ImmutableArray<ObservedBalance> balances, long finalBelow);

    /// <summary>Drops every movement of block <paramref name="fromBlock"/> or later (a reorg).</summary>
    [Alias("Rollback")] Task Rollback(long fromBlock);

    /// <summary>A page of the ledger, oldest first, with the balances now.</summary>
    [Alias("GetLedger")] Task<TreasuryLedgerPage> GetLedger(int offset, int limit);
}

/// <summary>A bound asset's balance as read from the chain at the end of a block.</summary>
[GenerateSerializer, Immutable, Alias("bt.ObservedBalance")]
public sealed record ObservedBalance(
    [property: Id(0)] string Asset, [property: Id(1)] long Block, [property: Id(2)] long Timestamp,
    [property: Id(3)] System.Numerics.BigInteger Balance);

/// <summary>A full page of archived (final) movements of an on-chain treasury (key <c>{dao}/{page}</c>).</summary>
[Alias("bt.ITreasuryArchiveGrain")]
public interface ITreasuryArchiveGrain : IGrainWithStringKey
{
    /// <summary>Appends movements; idempotent by position (the first index they take).</summary>
    [Alias("Append")] Task Append(int first, ImmutableArray<TreasuryMovement> movements);

    [Alias("Read")] Task<ImmutableArray<TreasuryMovement>> Read(int offset, int limit);
}
