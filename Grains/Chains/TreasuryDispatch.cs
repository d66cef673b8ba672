using System.Collections.Immutable;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Chains;

/// <summary>
/// One mirrored range's share of the DAOs' on-chain treasuries: an asset bound since the last range opens with its
/// balance at the cursor (transfers up to that block are in it), then every ERC-20 transfer into or out of a bound
/// account after its opening becomes a movement of that DAO's treasury, handed over once per range; a native balance,
/// moved by value transfers that leave no log, is read at the end of each range instead.
/// </summary>
public sealed class TreasuryDispatch(long chain, IGrainFactory grains)
{
    private readonly Dictionary<string, List<TreasuryMovement>> _movements = [];
    private readonly List<BoundAccount> _opened = [];
    private ImmutableArray<BoundAccount> _bound = [];

    private ITreasuryRegistryGrain Registry => grains.GetGrain<ITreasuryRegistryGrain>(chain);

    /// <summary>Reads the bound accounts and opens those not mirrored yet at <paramref name="cursor"/> (the last mirrored block).</summary>
    public async Task Open(IChainReader reader, long cursor, Func<long, Task<ChainBlock>> header)
    {
        _bound = await Registry.GetBound();
        foreach (var bound in _bound.Where(b => b.OpenedAt is null))
        {
            var balance = cursor < 0 ? 0
                : bound.Token == BoundAsset.NativeToken ? await reader.NativeBalance(bound.Account, cursor)
                : await reader.BalanceOf(bound.Token, bound.Account, cursor);
            var timestamp = cursor < 0 ? 0 : (await header(cursor)).Timestamp;
            Add(bound.Dao, new TreasuryMovement
            {
                Block = cursor, LogIndex = -1, Timestamp = timestamp, Kind = TreasuryMovementKind.Opening, Asset = bound.Asset,
                Amount = balance,
            });
            _opened.Add(bound with { OpenedAt = cursor });
        }
        _bound = [.. _bound.Where(b => b.OpenedAt is not null), .. _opened];
    }

    /// <summary>The range's transfer logs of the bound tokens from or to the bound accounts.</summary>
    public async Task<IReadOnlyList<ChainLog>> Logs(IChainReader reader, long from, long to)
    {
        var tokens = _bound.Where(b => b.Token != BoundAsset.NativeToken).ToList();
        return tokens.Count == 0
            ? []
            : await reader.TransferLogs(from, to, [.. tokens.Select(b => b.Token).Distinct()], [.. tokens.Select(b => b.Account).Distinct()]);
    }

    /// <summary>Takes the log if it is a transfer of a bound token; false for anything else.</summary>
    public bool Collect(ChainLog log, long timestamp)
    {
        if (!TreasuryLogs.IsErc20Transfer(log) || !_bound.Any(b => b.Token == log.Address)) return false;
        var (from, to, amount) = TreasuryLogs.Decode(log);
        foreach (var bound in _bound.Where(b => b.Token == log.Address && log.BlockNumber > b.OpenedAt))
        {
            foreach (var (party, kind, counterparty) in new[] { (from, TreasuryMovementKind.Out, to), (to, TreasuryMovementKind.In, from) })
            {
                if (party != bound.Account) continue;
                Add(bound.Dao, new TreasuryMovement
                {
                    Block = log.BlockNumber, LogIndex = log.LogIndex, Timestamp = timestamp, Kind = kind, Asset = bound.Asset,
                    Counterparty = counterparty, Amount = amount, TransactionHash = log.TransactionHash,
                });
            }
        }
        return true;
    }

    /// <summary>
    /// Hands each DAO its movements and, for native balances (value transfers leave no log), the balance at the range's
    /// last block; then records the openings. A failure re-mirrors the range, which applies nothing twice.
    /// </summary>
    public async Task Flush(IChainReader reader, long to, long timestamp, long finalBelow)
    {
        await Task.WhenAll(_movements.Select(m => grains.GetGrain<IChainTreasuryGrain>(m.Key).Apply([.. m.Value], finalBelow)));
        foreach (var dao in _bound.Where(b => b.Token == BoundAsset.NativeToken).GroupBy(b => b.Dao))
        {
            var observed = new List<ObservedBalance>();
            foreach (var bound in dao) observed.Add(new(bound.Asset, to, timestamp, await reader.NativeBalance(bound.Account, to)));
            await grains.GetGrain<IChainTreasuryGrain>(dao.Key).Observe([.. observed], finalBelow);
        }
        foreach (var opened in _opened) await Registry.Opened(opened.Dao, opened.Asset, opened.OpenedAt!.Value);
    }

    /// <summary>A reorg from <paramref name="from"/>: every bound DAO's mirror drops those blocks; openings there open again.</summary>
    public static async Task Rollback(long chain, IGrainFactory grains, long from)
    {
        var registry = grains.GetGrain<ITreasuryRegistryGrain>(chain);
        var daos = (await registry.GetBound()).Select(b => b.Dao).Distinct().ToList();
        await Task.WhenAll(daos.Select(dao => grains.GetGrain<IChainTreasuryGrain>(dao).Rollback(from)));
        await registry.Reopen(from);
    }

    private void Add(string dao, TreasuryMovement movement)
    {
        if (!_movements.TryGetValue(dao, out var list)) _movements[dao] = list = [];
        list.Add(movement);
    }
}
