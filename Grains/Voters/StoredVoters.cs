using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Blocktrack.Grains.Voters;

/// <summary>
/// Reads voters' stored state without activating them, for what a ballot needs at a proposal's past snapshot: power and
/// delegation. A voter saves every change before it answers, so its row says what its activation would have said at
/// that moment; a change that lands later is missed the same way by both, since a shard keeps a voter's power from its
/// first read. A million ballots then cost no voter activations, and the cluster profile's storage reads the rows of
/// many voters in shared round trips.
/// </summary>
public sealed class StoredVoters(IServiceProvider services, IGrainFactory grains)
{
    private readonly IGrainStorage _storage = services.GetRequiredKeyedService<IGrainStorage>(GovernanceStorage.Name);

    public async Task<VoterState> Read(string voter)
    {
        var state = new GrainState<VoterState>();
        await _storage.ReadStateAsync(GovernanceStorage.VoterState, grains.GetGrain<IVoterGrain>(voter).GetGrainId(), state);
        return state.State ?? new VoterState();
    }
}
