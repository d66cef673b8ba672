using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Treasury;

/// <summary>
/// The mirror of a DAO's on-chain treasury, written only by its chain's watcher. Movements a reorg could still undo stay
/// in the state; final ones go to archive pages of <see cref="PageSize"/>, so a write is bounded whatever the history.
/// Each change of a balance is reported to the DAO before the watcher moves on.
/// </summary>
public sealed class ChainTreasuryGrain(
    [PersistentState(GovernanceStorage.ChainTreasuryState, GovernanceStorage.Name)] IPersistentState<ChainTreasuryState> state)
    : Grain, IChainTreasuryGrain
{
    public const int PageSize = 256;

    /// <summary>The log index of a movement seen as a change of balance over a block (after all of its logs).</summary>
    public const int EndOfBlock = int.MaxValue;

    private string Dao => this.GetPrimaryKeyString();
    private ChainTreasuryState S => state.State;

    public async Task Apply(ImmutableArray<TreasuryMovement> movements, long finalBelow)
    {
        var applied = 0;
        foreach (var m in movements.OrderBy(m => m.Block).ThenBy(m => m.LogIndex))
        {
            if (IsArchived(m) || S.Recent.Any(r => SameEntry(r, m))) continue; // a range mirrored again after a failure
            S.Recent.Add(m);
            S.Balances = S.Balances.SetItem(m.Asset, S.Balances.GetValueOrDefault(m.Asset) + m.Delta);
            S.MirroredBlock = Math.Max(S.MirroredBlock, m.Block);
            applied++;
        }
        var archived = await Archive(finalBelow);
        if (applied > 0 || archived) await state.WriteStateAsync();
        // Also for movements applied before: the report that followed them may be what failed.
        if (!movements.IsEmpty) await Report();
    }

    public Task Observe(ImmutableArray<ObservedBalance> balances, long finalBelow) => Apply(
    [
        .. balances.Select(o => (o, Delta: o.Balance - S.Balances.GetValueOrDefault(o.Asset))).Where(x => !x.Delta.IsZero)
            .Select(x => new TreasuryMovement
            {
                Block = x.o.Block, LogIndex = EndOfBlock, Timestamp = x.o.Timestamp, Asset = x.o.Asset,
                Kind = x.Delta.Sign > 0 ? TreasuryMovementKind.In : TreasuryMovementKind.Out, Amount = BigInteger.Abs(x.Delta),
            }),
    ], finalBelow);

    public async Task Rollback(long fromBlock)
    {
        // The watcher refuses reorgs deeper than its window, and only movements below the window are archived.
        if (S.ArchivedBlock >= fromBlock)
            throw new InvalidOperationException($"'{Dao}': block {S.ArchivedBlock} is archived as final; cannot roll back to {fromBlock}");
        var dropped = S.Recent.Where(m => m.Block >= fromBlock).ToList();
        if (dropped.Count == 0) return;
        foreach (var m in dropped) S.Balances = S.Balances.SetItem(m.Asset, S.Balances.GetValueOrDefault(m.Asset) - m.Delta);
        S.Recent.RemoveAll(m => m.Block >= fromBlock);
        S.MirroredBlock = S.Recent.Count > 0 ? S.Recent.Max(m => m.Block) : Math.Max(0, S.ArchivedBlock);
        await state.WriteStateAsync();
        await Report();
    }

    public async Task<TreasuryLedgerPage> GetLedger(int offset, int limit)
    {
        Paging.RequireTreasuryPage(offset, limit);
        var total = S.Archived + S.Recent.Count;
        var end = (int)Math.Min(total, (long)offset + limit);
        var items = new List<TreasuryMovement>();
        for (var i = offset; i < Math.Min(end, S.Archived);)
        {
            var n = Math.Min(PageSize - i % PageSize, Math.Min(end, S.Archived) - i);
            items.AddRange(await Page(i / PageSize).Read(i % PageSize, n));
            i += n;
        }
        for (var i = Math.Max(offset, S.Archived); i < end; i++) items.Add(S.Recent[i - S.Archived]);
        return new TreasuryLedgerPage { Items = [.. items], Total = total, Offset = offset, Limit = limit, Balances = S.Balances };
    }

    /// <summary>Moves movements below <paramref name="finalBelow"/> to the archive, page by page; true when any moved.</summary>
    private async Task<bool> Archive(long finalBelow)
    {
        var final = S.Recent.TakeWhile(m => m.Block < finalBelow).ToList();
        if (final.Count == 0) return false;
        for (var done = 0; done < final.Count;)
        {
            var index = S.Archived + done;
            var take = Math.Min(final.Count - done, PageSize - index % PageSize);
            await Page(index / PageSize).Append(index % PageSize, [.. final.Skip(done).Take(take)]);
            done += take;
        }
        S.Archived += final.Count;
        (S.ArchivedBlock, S.ArchivedLogIndex) = (final[^1].Block, final[^1].LogIndex);
        S.Recent.RemoveRange(0, final.Count);
        return true;
    }

    private bool IsArchived(TreasuryMovement m) =>
        m.Block < S.ArchivedBlock || (m.Block == S.ArchivedBlock && m.LogIndex <= S.ArchivedLogIndex);

    private static bool SameEntry(TreasuryMovement a, TreasuryMovement b) =>
        a.Block == b.Block && a.LogIndex == b.LogIndex && a.Kind == b.Kind && a.Asset == b.Asset;

    private ITreasuryArchiveGrain Page(int n) => GrainFactory.GetGrain<ITreasuryArchiveGrain>($"{Dao}/{n}");

    private Task Report() => GrainFactory.GetGrain<IDaoGrain>(Dao).TreasuryMirrored(S.Balances, S.MirroredBlock);
}

/// <summary>One archive page of final movements; appends are idempotent by position, so a retried archive writes once.</summary>
public sealed class TreasuryArchiveGrain(
    [PersistentState(GovernanceStorage.TreasuryArchiveState, GovernanceStorage.Name)] IPersistentState<TreasuryArchiveState> state)
    : Grain, ITreasuryArchiveGrain
{
    public async Task Append(int first, ImmutableArray<TreasuryMovement> movements)
    {
        var list = state.State.Movements;
        if (first > list.Count) throw new InvalidOperationException($"archive page gap: {first} after {list.Count} movements");
        var fresh = movements.Skip(list.Count - first).ToList();
        if (fresh.Count == 0) return;
        list.AddRange(fresh);
        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<TreasuryMovement>> Read(int offset, int limit) =>
        Task.FromResult(state.State.Movements.Skip(offset).Take(limit).ToImmutableArray());
}
