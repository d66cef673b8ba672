using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Options;

namespace Blocktrack.Grains.Voters;

/// <summary>
/// A domain's total reputation as decaying checkpoints, fed by the address ledgers (never a scan of holders). Rounded up
/// at every step, so it is never below the sum of the holders' values (which round down).
/// </summary>
public sealed class ReputationSupplyGrain(
    [PersistentState(GovernanceStorage.ReputationSupplyState, GovernanceStorage.Name)] IPersistentState<ReputationSupplyState> state,
    IOptions<GovernanceOptions> options) : Grain, IReputationSupplyGrain
{
    private long HalfLife => options.Value.ReputationHalfLifeSeconds;

    public async Task Add(string source, long sequence, long at, BigInteger amount)
    {
        if (state.State.Applied.TryGetValue(source, out var last) && sequence <= last) return;
        Refuse.Unless(amount.Sign > 0 && at >= 0, GovernanceError.InvalidArgument, "an award adds a positive amount at a timepoint ≥ 0");
        ReputationRules.AddToTotal(state.State.Totals, at, amount, HalfLife);
        state.State.Applied[source] = sequence;
        await state.WriteStateAsync();
    }

    public Task<BigInteger> GetTotal(long timepoint) =>
        Task.FromResult(ReputationRules.TotalAt(state.State.Totals, timepoint, HalfLife));
}
