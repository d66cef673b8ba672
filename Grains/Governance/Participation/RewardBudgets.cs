using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance.Participation;

/// <summary>What an epoch draws from the budgets that cover it: each its amount per epoch, as far as the treasury holds it.</summary>
public static class RewardBudgets
{
    public static (ImmutableArray<RewardDraw> Draws, ImmutableDictionary<string, BigInteger> Treasury) Draw(
        IEnumerable<RewardBudget> budgets, ImmutableDictionary<string, BigInteger> treasury, long epoch)
    {
        var draws = ImmutableArray.CreateBuilder<RewardDraw>();
        foreach (var budget in budgets.Where(b => b.FirstEpoch <= epoch && epoch <= b.LastEpoch))
        {
            var available = treasury.GetValueOrDefault(budget.Asset);
            var amount = BigInteger.Min(budget.AmountPerEpoch, BigInteger.Max(available, BigInteger.Zero));
            if (amount.IsZero) continue;
            treasury = treasury.SetItem(budget.Asset, available - amount);
            draws.Add(new RewardDraw { Asset = budget.Asset, Amount = amount, Chain = budget.Chain, Token = budget.Token });
        }
        return (draws.ToImmutable(), treasury);
    }
}
