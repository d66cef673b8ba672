using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Voters;

/// <summary>
/// A domain's total reputation as decaying checkpoints, fed by the address ledgers (never a scan of holders). Rounded up
/// at every step, so it is never below the sum of the holders' values (which round down). Reentrant: each award is
/// checked and applied between awaits, and awards arriving together share one write (a DAO's participation ledger sends
/// them by the hundred), each answered only once a write that includes it is durable.
/// </summary>
[Reentrant]
public sealed class ReputationSupplyGrain(
    [PersistentState(GovernanceStorage.ReputationSupplyState, GovernanceStorage.Name)] IPersistentState<ReputationSupplyState> state,
    IOptions<GovernanceOptions> options) : Grain, IReputationSupplyGrain
{
    private readonly CoalescingWriter _writer = new(state.WriteStateAsync);

    private long HalfLife => options.Value.ReputationHalfLifeSeconds;

    public async Task Add(string source, long sequence, long at, BigInteger amount)
    {
        if (state.State.Applied.TryGetValue(source, out var last) && sequence <= last) return;
        Refuse.Unless(amount.Sign > 0 && at >= 0, GovernanceError.InvalidArgument, "an award adds a positive amount at a timepoint ≥ 0");
        ReputationRules.AddToTotal(state.State.Totals, at, amount, HalfLife);
        state.State.Applied[source] = sequence;
        try
        {
            await _writer.Save();
        }
        catch
        {
            // Applied in memory only: reload what is durable, so the sender's retry applies the award again.
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<BigInteger> GetTotal(long timepoint) =>
        Task.FromResult(ReputationRules.TotalAt(state.State.Totals, timepoint, HalfLife));
}
