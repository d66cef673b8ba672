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

    // The voter grain's type, resolved once: a voter's id is then made without a grain reference per read.
    private readonly GrainType _voterType = grains.GetGrain<IVoterGrain>("0x").GetGrainId().Type;

    /// <summary>The voter's token positions as stored; none for a voter never saved.</summary>
    public async Task<Dictionary<string, TokenPosition>> Read(string voter)
    {
        var state = new GrainState<VoterPowerState>();
        // Nothing below needs the shard's scheduler: the shard resumes on it when it awaits this read.
        await _storage.ReadStateAsync(GovernanceStorage.VoterState, GrainId.Create(_voterType, voter), state).ConfigureAwait(false);
        return state.State?.Tokens ?? [];
    }
}

/// <summary>A voter's stored token positions, read on first use and then shared by a ballot's power and delegation reads.</summary>
public sealed class StoredVoter(StoredVoters voters, string voter)
{
    private Task<Dictionary<string, TokenPosition>>? _read;

    public Task<Dictionary<string, TokenPosition>> Value => _read ??= voters.Read(voter);
}
