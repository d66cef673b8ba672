using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Audit;

/// <summary>The entry an act's cause produced: one small row per cause instead of one index that grows with the log.</summary>
public sealed class AuditCauseGrain(
    [PersistentState(GovernanceStorage.AuditCauseState, GovernanceStorage.Name)] IPersistentState<AuditCauseState> state)
    : Grain, IAuditCauseGrain
{
    public Task<long?> Get() => Task.FromResult(state.State.Seq);

    public async Task Set(long seq)
    {
        if (state.State.Seq == seq) return;
        state.State.Seq = seq;
        await state.WriteStateAsync();
    }
}
