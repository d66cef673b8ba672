using System.Collections.Immutable;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Treasury;

/// <summary>
/// Which DAO each treasury account on a chain belongs to (at most one, so a transfer is never counted for two) and
/// where the watcher opened each asset's mirror. Bindings are never removed: a constitution cannot unbind them.
/// </summary>
public sealed class TreasuryRegistryGrain(
    [PersistentState(GovernanceStorage.TreasuryRegistryState, GovernanceStorage.Name)] IPersistentState<TreasuryRegistryState> state)
    : Grain, ITreasuryRegistryGrain
{
    private List<BoundAccount> Bound => state.State.Bound;

    public async Task Bind(string dao, TreasuryBinding binding)
    {
        Refuse.Unless(binding.Chain == this.GetPrimaryKeyLong(), GovernanceError.InvalidArgument,
            $"binding for chain {binding.Chain} sent to chain {this.GetPrimaryKeyLong()}'s registry");
        var holder = Bound.FirstOrDefault(b => b.Account == binding.Account && b.Dao != dao);
        Refuse.Unless(holder is null, GovernanceError.TreasuryAccountTaken,
            $"{binding.Account} on chain {binding.Chain} is already the treasury of '{holder?.Dao}'");
        var changed = false;
        foreach (var asset in binding.Assets)
        {
            var existing = Bound.FirstOrDefault(b => b.Dao == dao && b.Asset == asset.Asset);
            Refuse.Unless(existing is null || (existing.Token == asset.Token && existing.Account == binding.Account),
                GovernanceError.TreasuryAccountTaken, $"'{dao}' holds '{asset.Asset}' as {existing?.Token} at {existing?.Account} already");
            if (existing is not null) continue;
            Bound.Add(new BoundAccount { Dao = dao, Account = binding.Account, Asset = asset.Asset, Token = asset.Token });
            changed = true;
        }
        if (changed) await state.WriteStateAsync();
    }

    public Task<ImmutableArray<BoundAccount>> GetBound() => Task.FromResult(Bound.ToImmutableArray());

    public async Task Opened(string dao, string asset, long block)
    {
        var i = Bound.FindIndex(b => b.Dao == dao && b.Asset == asset);
        if (i < 0 || Bound[i].OpenedAt == block) return;
        Bound[i] = Bound[i] with { OpenedAt = block };
        await state.WriteStateAsync();
    }

    public async Task Reopen(long fromBlock)
    {
        var reopened = 0;
        for (var i = 0; i < Bound.Count; i++)
        {
            if (Bound[i].OpenedAt < fromBlock || Bound[i].OpenedAt is null) continue;
            Bound[i] = Bound[i] with { OpenedAt = null };
            reopened++;
        }
        if (reopened > 0) await state.WriteStateAsync();
    }
}
