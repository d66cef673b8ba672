using Orleans.Serialization;
using Orleans.Storage;

namespace Blocktrack.Silo.Storage;

/// <summary>
/// Hands the inner storage a deep copy of the state, taken in the grain's turn. Orleans' ADO.NET provider serializes the
/// state only once it has opened its connection, off the grain's turn, so a reentrant grain that changes its state while a
/// write is in flight (coalesced writes: the token supply, the voters, the power distribution) could be serialized in the
/// middle of a change: under the operator feed, writes of the supply grain failed with "Collection was modified". The copy
/// is what gets written; the new etag comes back to the grain's state.
/// </summary>
public sealed class SnapshotGrainStorage(IGrainStorage inner, DeepCopier copier) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The provider's own start-up (Orleans' opens its queries there), as if it were registered alone.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Before any await: the grain cannot change its state while this runs.
        var snapshot = new GrainState<T>(copier.Copy(grainState.State), grainState.ETag) { RecordExists = grainState.RecordExists };
        await inner.WriteStateAsync(stateName, grainId, snapshot);
        grainState.ETag = snapshot.ETag;
        grainState.RecordExists = snapshot.RecordExists;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
