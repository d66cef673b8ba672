using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Blocktrack.Silo.Storage;
using Blocktrack.Silo.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;

namespace Blocktrack.Storage.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", TestCategory.Storage)]
public sealed class PostgresGrainStorageTests(PostgresBackend backend) : GrainStorageContract(backend)
{
    private const string State = GovernanceStorage.DaoState;

    [Fact]
    public void The_cluster_profile_stores_grain_state_with_its_own_provider()
    {
        Assert.IsType<PostgresGrainStorage>(backend.GrainStorage);
    }

    [Fact]
    public async Task A_change_made_while_a_write_is_in_flight_is_not_part_of_that_write()
    {
        var id = Samples.NewGrainId();
        var state = new TestGrainState<DaoState> { State = Samples.Dao("in-flight") };
        state.State.Credited.Add("before");

        var write = backend.GrainStorage.WriteStateAsync(State, id, state);
        // The grain's next turn, while the write is on its way to PostgreSQL.
        state.State.Credited.Add("during");
        state.State.Credited.Remove("before");
        await write;

        var read = new TestGrainState<DaoState>();
        await backend.GrainStorage.ReadStateAsync(State, id, read);
        Assert.Equal(["before", "deposit-1"], read.State.Credited.Order());
        Assert.Equal((state.ETag, true), (read.ETag, read.RecordExists));
        Assert.Equal(["deposit-1", "during"], state.State.Credited.Order());
    }

    [Fact]
    public async Task Writes_of_many_grains_at_once_share_round_trips_and_each_gets_its_own_answer()
    {
        var storage = NewStorage();
        var states = Enumerable.Range(0, 300).Select(i => (Id: Samples.NewGrainId(), State: new TestGrainState<DaoState> { State = Samples.Dao($"many {i}") })).ToList();
        await Task.WhenAll(states.Select(s => storage.WriteStateAsync(State, s.Id, s.State)));
        Assert.All(states, s => Assert.Equal(("1", true), (s.State.ETag, s.State.RecordExists)));
        Assert.InRange(storage.Writes.RoundTrips, 1, 150);
        Assert.InRange(storage.Writes.Largest, 2, 256);

        // One stale writer among fresh ones: only it conflicts.
        var stale = new TestGrainState<DaoState> { State = Samples.Dao("stale"), ETag = "7" };
        var writes = states.Take(20).Select(s => storage.WriteStateAsync(State, s.Id, s.State))
            .Append(storage.WriteStateAsync(State, states[20].Id, stale)).ToList();
        await Assert.ThrowsAsync<InconsistentStateException>(() => writes[^1]);
        await Task.WhenAll(writes.Take(20));
        Assert.All(states.Take(20), s => Assert.Equal("2", s.State.ETag));
        var read = new TestGrainState<DaoState>();
        await storage.ReadStateAsync(State, states[20].Id, read);
        Assert.Equal(("many 20", "1"), (read.State.DisplayName, read.ETag));
    }

    [Fact]
    public async Task A_round_trip_that_fails_stores_none_of_its_writes_and_fails_each()
    {
        var storage = NewStorage();
        var blocker = (Id: Samples.NewGrainId(), State: new TestGrainState<DaoState> { State = Samples.Dao("blocker") });
        await storage.WriteStateAsync(State, blocker.Id, blocker.State);

        // Hold the blocker's row, so its next write keeps the writer busy while the others queue behind it.
        await using var connection = new NpgsqlConnection(backend.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM orleans_storage WHERE grain_type = $1 AND grain_id_extension = $2 FOR UPDATE", connection, transaction))
        {
            lockRow.Parameters.Add(new NpgsqlParameter<string> { TypedValue = State });
            lockRow.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StateRowKey.For(State, blocker.Id).Extension });
            Assert.Equal(1, await lockRow.ExecuteScalarAsync());
        }
        var blocked = storage.WriteStateAsync(State, blocker.Id, blocker.State);
        await WaitUntilBlocked(connection);

        var good = Enumerable.Range(0, 10).Select(i => (Id: Samples.NewGrainId(), State: new TestGrainState<DaoState> { State = Samples.Dao($"good {i}") })).ToList();
        var writes = good.Select(g => storage.WriteStateAsync(State, g.Id, g.State)).ToList();
        // PostgreSQL's text refuses a NUL character: this statement fails, and with it the round trip it shares.
        var bad = storage.WriteStateAsync(State, GrainId.Create("voter", "0x\0"), new TestGrainState<DaoState> { State = Samples.Dao("bad") });
        await transaction.CommitAsync();
        await blocked.WaitAsync(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => bad);
        foreach (var write in writes) await Assert.ThrowsAnyAsync<NpgsqlException>(() => write);
        foreach (var (id, state) in good)
        {
            Assert.Null(state.ETag);
            var read = new TestGrainState<DaoState>();
            await storage.ReadStateAsync(State, id, read);
            Assert.False(read.RecordExists);
        }
    }

    private static async Task WaitUntilBlocked(NpgsqlConnection observer)
    {
        await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", observer);
        for (var i = 0; i < 300 && (long)(await waiting.ExecuteScalarAsync())! == 0; i++) await Task.Delay(50);
    }

    private PostgresGrainStorage NewStorage() => new("test", backend.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
        backend.Services.GetRequiredService<PostgresDatabase>(), GovernanceStateSerializer.For(backend.Services, GovernanceStorage.Name));
}
