using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// One reward epoch of a DAO, keyed <c>{dao}/epochs/{n}</c>: the points granted in it (capped per address, once per cause),
/// and at its close the allocation of the DAO's reward budgets and their payment, exactly once.
/// </summary>
[Alias("bt.IRewardEpochGrain")]
public interface IRewardEpochGrain : IGrainWithStringKey
{
    /// <summary>
    /// Grants the claims, applying the cap per address; a cause already granted answers its first grant. Refused with
    /// epoch-closed once the epoch has closed (the caller moves to the next epoch).
    /// </summary>
    [Alias("Grant")] Task<ImmutableArray<PointsGrant>> Grant(ImmutableArray<PointsClaim> claims);

    /// <summary>The epoch with a page of its allocation.</summary>
    [AlwaysInterleave, Alias("GetInfo")] Task<RewardEpochInfo> GetInfo(int offset, int limit);

    /// <summary>Closes and pays the epoch if its time has come (a reminder does this by itself); idempotent.</summary>
    [Alias("Settle")] Task<RewardEpochInfo> Settle();
}
