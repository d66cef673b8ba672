using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Participation;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Daos;

/// <summary>The DAO's side of reward epochs: each epoch draws its budgets from the treasury once and returns what it left.</summary>
public sealed partial class DaoGrain
{
    public async Task<ImmutableArray<RewardDraw>> DrawRewards(long epoch)
    {
        RequireCreated();
        if (S.RewardDraws.TryGetValue(epoch, out var drawn)) return drawn;
        var (draws, treasury) = RewardBudgets.Draw(S.RewardBudgets, S.Treasury, epoch);
        S.RewardDraws[epoch] = draws;
        var before = S.Treasury;
        S.Treasury = treasury;
        try
        {
            await Save();
        }
        catch
        {
            S.RewardDraws.Remove(epoch);
            S.Treasury = before;
            throw;
        }
        return draws;
    }

    public async Task ReturnRewards(long epoch, string asset, BigInteger amount)
    {
        RequireCreated();
        Refuse.Unless(S.RewardDraws.TryGetValue(epoch, out var draws) && draws.Any(d => d.Asset == asset),
            GovernanceError.InvalidState, $"reward epoch {epoch} drew no {asset}");
        Refuse.Unless(amount.Sign >= 0 && amount <= draws.Where(d => d.Asset == asset).Aggregate(BigInteger.Zero, (a, d) => a + d.Amount),
            GovernanceError.InvalidArgument, $"epoch {epoch} cannot return {amount} {asset}: more than it drew");
        if (amount.IsZero || !S.Credited.Add($"rewards-return:{epoch}:{asset}")) return;
        S.Treasury = ActionPlanner.Credit(S.Treasury, asset, amount);
        await Save();
    }
}
