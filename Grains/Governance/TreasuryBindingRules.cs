using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>A transfer an executing proposal makes from the DAO's on-chain account: action, token, recipient, amount.</summary>
public sealed record TreasuryPayout(int ActionIndex, string Token, string To, BigInteger Amount);

/// <summary>
/// The rules of a treasury held on chain: a well-formed binding that, once made, is never undone or moved; the split
/// of balances between the mirror (bound assets) and the ledger (the rest); and the ERC-20 transfers an execution makes
/// instead of moving bound balances itself — the mirror moves them when the chain has.
/// </summary>
public static class TreasuryBindingRules
{
    public const int MaxAssets = 16;

    public static void Validate(TreasuryBinding binding)
    {
        Violation(binding.Chain > 0, "an on-chain treasury needs a chain id");
        Violation(Addresses.IsCanonical(binding.Account), $"treasury account '{binding.Account}' is not a lower-case 0x address");
        Violation(!binding.Assets.IsDefaultOrEmpty && binding.Assets.Length <= MaxAssets,
            $"an on-chain treasury binds 1..{MaxAssets} assets");
        foreach (var asset in binding.Assets)
        {
            Violation(Names.IsToken(asset.Asset), $"'{asset.Asset}' is not a valid asset id");
            Violation(Addresses.IsCanonical(asset.Token), $"the token of '{asset.Asset}' is not a lower-case 0x address");
        }
        Violation(binding.Assets.Select(a => a.Asset).Distinct().Count() == binding.Assets.Length, "an asset is bound twice");
        Violation(binding.Assets.Select(a => a.Token).Distinct().Count() == binding.Assets.Length, "a token is bound to two assets");
    }

    /// <summary>An amendment keeps the chain, the account and every bound asset with its token; it may only add assets.</summary>
    public static void ValidateAmendment(TreasuryBinding? current, TreasuryBinding? next)
    {
        if (current is null) return;
        Violation(next is not null && next.Chain == current.Chain && next.Account == current.Account,
            $"the treasury is held by {current.Account} on chain {current.Chain} for good; an amendment may not unbind or move it");
        foreach (var asset in current.Assets)
        {
            Violation(next!.Find(asset.Asset)?.Token == asset.Token,
                $"'{asset.Asset}' is held on chain as {asset.Token} for good; an amendment may not unbind it or change its token");
        }
    }

    /// <summary>Bound assets of <paramref name="next"/> that <paramref name="current"/> did not bind.</summary>
    public static ImmutableArray<BoundAsset> Added(TreasuryBinding? current, TreasuryBinding? next) =>
        next is null ? [] : [.. next.Assets.Where(a => current?.Find(a.Asset) is null)];

    /// <summary>Every balance the DAO plans with: the ledger's, with each bound asset's mirrored balance instead.</summary>
    public static ImmutableDictionary<string, BigInteger> Combined(ImmutableDictionary<string, BigInteger> ledger,
        ImmutableDictionary<string, BigInteger> mirrored, TreasuryBinding? binding)
    {
        if (binding is null) return ledger;
        var combined = ledger.ToBuilder();
        foreach (var asset in binding.Assets) combined[asset.Asset] = mirrored.GetValueOrDefault(asset.Asset);
        return combined.ToImmutable();
    }

    /// <summary>The part of a planned treasury the ledger keeps: every asset but the bound ones, whose mirror moves them.</summary>
    public static ImmutableDictionary<string, BigInteger> LedgerPart(ImmutableDictionary<string, BigInteger> treasury,
        TreasuryBinding? binding) =>
        binding is null ? treasury : treasury.RemoveRange(binding.Assets.Select(a => a.Asset));

    /// <summary>
    /// The transfers out of the DAO's account that <paramref name="actions"/> make, in action order, given the bindings of
    /// the sub-DAOs they allocate to (null: a ledger treasury). Throws <see cref="ActionFailedException"/> for an action
    /// whose funds cannot move: on-chain funds to a sub-DAO without an account for them, ledger funds to one that holds the
    /// asset on chain, rewards in a bound asset, or on-chain calls on another chain than the transfers'.
    /// </summary>
    public static ImmutableArray<TreasuryPayout> Payouts(string path, TreasuryBinding? binding, ImmutableArray<ProposalAction> actions,
        IReadOnlyDictionary<string, TreasuryBinding?> subDaos)
    {
        var payouts = ImmutableArray.CreateBuilder<TreasuryPayout>();
        for (var i = 0; i < actions.Length; i++)
        {
            switch (actions[i])
            {
                case TreasuryTransfer t when binding?.Find(t.Asset) is { } bound:
                    payouts.Add(new TreasuryPayout(i, bound.Token, t.To, t.Amount));
                    break;
                case AllocateBudget a:
                    var target = SubDaoPath(path, a.SubDao);
                    var sub = subDaos.GetValueOrDefault(target);
                    if (binding?.Find(a.Asset) is { } held)
                    {
                        Fail(i, sub is not null && sub.Chain == binding.Chain && sub.Find(a.Asset)?.Token == held.Token,
                            $"'{a.Asset}' is held on chain {binding.Chain}; '{target}' has no account on that chain for {held.Token}");
                        payouts.Add(new TreasuryPayout(i, held.Token, sub!.Account, a.Amount));
                    }
                    else
                    {
                        Fail(i, sub?.Find(a.Asset) is null,
                            $"'{target}' holds '{a.Asset}' on chain {sub?.Chain}; it receives it only by a transfer on that chain");
                    }
                    break;
                case FundRewards f when binding?.Find(f.Asset) is not null:
                    Fail(i, false, $"rewards in '{f.Asset}', held on chain, are not supported yet: fund them in a ledger asset");
                    break;
            }
        }
        if (payouts.Count > 0)
        {
            for (var i = 0; i < actions.Length; i++)
            {
                Fail(i, actions[i] is not OnChainCall c || c.Chain == binding!.Chain,
                    $"on-chain calls must be on chain {binding!.Chain} with the treasury's transfers (one timelock batch)");
            }
        }
        return payouts.ToImmutable();
    }

    /// <summary>An allocation's target as the planner resolves it: a name below the DAO, or a full path.</summary>
    public static string SubDaoPath(string path, string subDao) => subDao.Contains('/') ? subDao : $"{path}/{subDao}";

    private static void Fail(int index, bool condition, string message)
    {
        if (!condition) throw new ActionFailedException(index, $"action {index} failed: {message}");
    }

    private static void Violation(bool condition, string message) =>
        Refuse.Unless(condition, GovernanceError.ConstitutionViolation, message);
}
