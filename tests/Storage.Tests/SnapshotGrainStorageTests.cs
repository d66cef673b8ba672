using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Blocktrack.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Blocktrack.Storage.Tests;

/// <summary>
/// The cluster profile's grain storage writes the state as it was when the grain wrote it: Orleans' ADO.NET provider
/// serializes only after its first await, while a reentrant grain may already be changing its state again.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", TestCategory.Storage)]
public sealed class SnapshotGrainStorageTests(PostgresBackend backend)
{
    [Fact]
    public void The_cluster_profile_writes_through_the_snapshot()
    {
        Assert.IsType<SnapshotGrainStorage>(backend.GrainStorage);
    }

    [Fact]
    public async Task A_change_made_while_a_write_is_in_flight_is_not_part_of_that_write()
    {
        var serializer = backend.Services.GetRequiredService<Serializer>();
        var inner = new GatedStorage(serializer);
        var storage = new SnapshotGrainStorage(inner, backend.Services.GetRequiredService<DeepCopier>());
        var state = new TestGrainState<DaoState> { State = Samples.Dao("in-flight"), ETag = "3", RecordExists = true };
        state.State.Credited.Add("before");

        var write = storage.WriteStateAsync(GovernanceStorage.DaoState, Samples.NewGrainId(), state);
        // The grain's next turn, while the provider waits for its connection.
        state.State.Credited.Add("during");
        state.State.Credited.Remove("before");
        inner.Gate.SetResult();
        await write;

        var written = serializer.Deserialize<DaoState>(inner.Written!);
        Assert.Equal(["before", "deposit-1"], written!.Credited.Order());
        Assert.Equal("3", inner.EtagSeen);
        Assert.Equal(("4", true), (state.ETag, state.RecordExists));
        Assert.Equal(["deposit-1", "during"], state.State.Credited.Order());
    }

    /// <summary>A provider that, like Orleans' ADO.NET one, serializes the state only after an await.</summary>
    private sealed class GatedStorage(Serializer serializer) : IGrainStorage
    {
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public byte[]? Written { get; private set; }

        public string? EtagSeen { get; private set; }

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            await Gate.Task;
            Written = serializer.SerializeToArray(grainState.State);
            EtagSeen = grainState.ETag;
            grainState.ETag = "4";
            grainState.RecordExists = true;
        }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new NotSupportedException();

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new NotSupportedException();
    }
}
