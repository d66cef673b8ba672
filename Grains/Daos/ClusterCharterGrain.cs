using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Daos;

/// <summary>The operator powers above every DAO as DAOs retired them: founding root DAOs, and chain configurations pinned.</summary>
public sealed class ClusterCharterGrain(
    [PersistentState(GovernanceStorage.ClusterCharterState, GovernanceStorage.Name)] IPersistentState<ClusterCharterState> state,
    TimeProvider clock) : Grain, IClusterCharterGrain
{
    private ClusterCharterState S => state.State;

    public async Task RetireRootFounding(string dao)
    {
        if (S.RootFoundingRetiredBy is not null) return;
        S.RootFoundingRetiredBy = dao;
        await state.WriteStateAsync();
    }

    public Task<string?> RootFoundingRetiredBy() => Task.FromResult(S.RootFoundingRetiredBy);

    public async Task PinChain(string dao, long chain, string fingerprint)
    {
        if (S.Pins.TryGetValue(chain, out var pin))
        {
            if (pin.PinnedBy.Contains(dao)) return;
            S.Pins[chain] = pin with { PinnedBy = pin.PinnedBy.Add(dao) };
        }
        else
        {
            S.Pins[chain] = new ChainPin { Chain = chain, Fingerprint = fingerprint, PinnedBy = [dao], PinnedAt = clock.GetUtcNow() };
        }
        await state.WriteStateAsync();
    }

    public Task<ChainPin?> PinOf(long chain) => Task.FromResult(S.Pins.GetValueOrDefault(chain));
}
