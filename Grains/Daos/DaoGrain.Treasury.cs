using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Daos;

/// <summary>
/// A treasury held on chain: binding the DAO's account (checked to be a timelock the executor drives, and no other DAO's),
/// the mirrored balances its watcher reports, and the ERC-20 transfers an execution sends instead of moving them itself.
/// </summary>
public sealed partial class DaoGrain
{
    public async Task TreasuryMirrored(ImmutableDictionary<string, BigInteger> balances, long block)
    {
        // A binding reserved by a founding that then failed has no DAO to report to.
        if (!S.Created) return;
        var same = S.Mirrored.Count == balances.Count && S.Mirrored.All(b => balances.GetValueOrDefault(b.Key) == b.Value);
        if (same && S.MirroredBlock == block) return;
        S.Mirrored = balances;
        S.MirroredBlock = block;
        await Save();
    }

    private TreasuryBinding? Binding => Current.OnChainTreasury;

    /// <summary>What the treasury holds: the ledger's balances and the bound assets' mirrored ones (earmarks included).</summary>
    private ImmutableDictionary<string, BigInteger> Holdings => S.Created
        ? TreasuryBindingRules.Combined(S.Treasury, S.Mirrored, Binding)
        : ImmutableDictionary<string, BigInteger>.Empty;

    /// <summary>The holdings as last saved: each save records the flows since.</summary>
    private ImmutableDictionary<string, BigInteger>? _saved;

    /// <summary>
    /// Every write of the DAO goes through here, so every change of its holdings (deposits, executions, allocations,
    /// rewards, grant funds, the mirror) is a flow of the month it is saved in; a write that fails records none.
    /// </summary>
    private async Task Save()
    {
        var before = _saved ??= ImmutableDictionary<string, BigInteger>.Empty;
        var flows = S.Flows;
        var holdings = Holdings;
        S.Flows = TreasuryFlows.Record(flows, before, holdings, clock.GetUtcNow().ToUnixTimeSeconds());
        _saved = holdings;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            S.Flows = flows;
            _saved = before;
            throw;
        }
    }

    public Task<ImmutableArray<AssetFlow>> TreasuryFlowsOf(string period) => Task.FromResult(TreasuryFlows.Of(S.Flows, period));

    /// <summary>Every balance: the ledger's, and each bound asset's as mirrored less what grant programs hold of it.</summary>
    private ImmutableDictionary<string, BigInteger> Balances => S.Earmarked.Aggregate(
        TreasuryBindingRules.Combined(S.Treasury, S.Mirrored, Binding),
        (all, e) => all.SetItem(e.Key, BigInteger.Max(0, all.GetValueOrDefault(e.Key) - e.Value)));

    private OnChainTreasuryInfo? OnChainInfo => Binding is not { } b ? null : new OnChainTreasuryInfo
    {
        Chain = b.Chain, Account = b.Account, MirroredBlock = S.MirroredBlock,
        Assets =
        [
            .. b.Assets.Select(a => new MirroredAsset { Asset = a.Asset, Token = a.Token, Balance = S.Mirrored.GetValueOrDefault(a.Asset) }),
        ],
    };

    /// <summary>
    /// Makes <paramref name="next"/> the binding of <paramref name="dao"/> (which had <paramref name="current"/>): a first
    /// binding must be an account the executor drives; an asset newly bound must have nothing left on the ledger (it
    /// would be hidden by the mirror); the chain's registry refuses an account another DAO holds. Done before the change
    /// is saved: a change that fails later leaves the account reserved for this DAO, nothing else.
    /// </summary>
    private async Task Bind(string dao, TreasuryBinding? current, TreasuryBinding? next, ImmutableDictionary<string, BigInteger> ledger)
    {
        if (next is null || next == current) return;
        foreach (var asset in TreasuryBindingRules.Added(current, next))
        {
            Refuse.Unless(ledger.GetValueOrDefault(asset.Asset).IsZero, GovernanceError.InvalidState,
                $"'{dao}' holds {ledger.GetValueOrDefault(asset.Asset)} {asset.Asset} on its ledger; "
                + $"pay it out before holding '{asset.Asset}' on chain");
        }
        if (current is null)
        {
            Refuse.Unless(await chains.Controls(next.Chain, next.Account), GovernanceError.AccountNotControlled,
                $"{next.Account} on chain {next.Chain} is not a TimelockController whose proposer and executor roles the cluster's "
                + "executor key holds (or the chain has no executor configured)");
        }
        await GrainFactory.GetGrain<ITreasuryRegistryGrain>(next.Chain).Bind(dao, next);
    }

    /// <summary>The bindings an execution binds: the DAO's own (an amendment) and those of sub-DAOs it creates.</summary>
    private async Task BindAll(ActionPlan plan, ImmutableArray<ProposalAction> actions)
    {
        await Bind(Path, Binding, plan.Ledger.Constitution.OnChainTreasury, S.Treasury);
        foreach (var create in actions.OfType<CreateSubDao>())
            await Bind($"{Path}/{create.Name}", null, create.Constitution.OnChainTreasury, ImmutableDictionary<string, BigInteger>.Empty);
    }

    /// <summary>The bindings of the sub-DAOs the actions allocate to, including those the same proposal creates.</summary>
    private async Task<Dictionary<string, TreasuryBinding?>> SubDaoBindings(ImmutableArray<ProposalAction> actions)
    {
        var bindings = new Dictionary<string, TreasuryBinding?>();
        foreach (var target in actions.OfType<AllocateBudget>().Select(a => TreasuryBindingRules.SubDaoPath(Path, a.SubDao)).Distinct())
        {
            var created = actions.OfType<CreateSubDao>().FirstOrDefault(c => $"{Path}/{c.Name}" == target);
            if (created is not null) bindings[target] = created.Constitution.OnChainTreasury;
            else if (S.SubDaos.Contains(target))
                bindings[target] = (await GrainFactory.GetGrain<IDaoGrain>(target).GetInfo()).Constitution.OnChainTreasury;
        }
        return bindings;
    }

    /// <summary>
    /// The proposal's on-chain calls and treasury transfers in action order, as one batch: through the DAO's own timelock
    /// on its treasury's chain, else the chain's executor timelock; with the index of the first action among them.
    /// </summary>
    private (long Chain, List<OnChainCall> Calls, string? Timelock, int FirstAction) OnChainBatch(
        ImmutableArray<ProposalAction> actions, ImmutableArray<TreasuryPayout> payouts)
    {
        var calls = new List<OnChainCall>();
        var first = -1;
        for (var i = 0; i < actions.Length; i++)
        {
            var before = calls.Count;
            if (actions[i] is OnChainCall call) calls.Add(call);
            calls.AddRange(payouts.Where(p => p.ActionIndex == i).Select(p => p.Token == BoundAsset.NativeToken
                ? new OnChainCall(Binding!.Chain, p.To, p.Amount, "0x") // a value transfer from the timelock
                : Erc20Transfer.Call(Binding!.Chain, p.Token, p.To, p.Amount)));
            if (first < 0 && calls.Count > before) first = i;
        }
        if (calls.Count == 0) return (0, calls, null, -1);
        var chain = calls[0].Chain;
        return (chain, calls, Binding?.Chain == chain ? Binding.Account : null, first);
    }
}
