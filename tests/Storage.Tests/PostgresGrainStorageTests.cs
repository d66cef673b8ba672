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
        var states = Fresh("many", 300);
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
    public async Task Reads_of_many_grains_at_once_share_round_trips_and_each_gets_its_own_row()
    {
        var storage = NewStorage();
        GrainId[] kinds =
        [
            GrainId.Create("voter", Samples.Address(Random.Shared.Next())),
            GrainId.Create(GrainType.Create("auditpage"), GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64(), "ext")),
            GrainId.Create(GrainType.Create("grant"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid())),
        ];
        var written = Fresh("read", 200)
            .Concat(kinds.Select(k => (Id: k, State: new TestGrainState<DaoState> { State = Samples.Dao($"kind {k}") }))).ToList();
        await Task.WhenAll(written.Select(w => storage.WriteStateAsync(State, w.Id, w.State)));
        var cleared = written[7];
        await storage.ClearStateAsync(State, cleared.Id, cleared.State);
        var twice = written[8];
        await storage.WriteStateAsync(State, twice.Id, twice.State);
        // The same rows under another state name, and under another service, are not these grains' rows.
        var otherName = Fresh("other name", 1)[0];
        await storage.WriteStateAsync(GovernanceStorage.VoterState, written[9].Id, otherName.State);
        var otherService = NewStorage("another service");
        await otherService.WriteStateAsync(State, written[10].Id, Fresh("other service", 1)[0].State);
        var never = Enumerable.Range(0, 50).Select(_ => Samples.NewGrainId()).ToList();

        var before = storage.Reads.RoundTrips;
        var asked = written.Select(w => w.Id).Concat(never).Concat(written.Take(20).Select(w => w.Id)).ToList();
        var reads = asked.Select(id => (Id: id, State: new TestGrainState<DaoState>())).ToList();
        await Task.WhenAll(reads.Select(r => storage.ReadStateAsync(State, r.Id, r.State)));

        Assert.InRange(storage.Reads.RoundTrips - before, 1, asked.Count / 4);
        Assert.InRange(storage.Reads.Largest, 2, 256);
        var expected = written.ToDictionary(w => w.Id, w => w.State);
        foreach (var (id, read) in reads)
        {
            if (!expected.TryGetValue(id, out var stored))
            {
                Assert.Equal((false, null, ""), (read.RecordExists, read.ETag, read.State.DisplayName));
                continue;
            }
            Assert.Equal((stored.RecordExists, stored.ETag), (read.RecordExists, read.ETag));
            Assert.Equal(stored.RecordExists ? stored.State.DisplayName : "", read.State.DisplayName);
        }
        Assert.Equal(("2", false), (reads[7].State.ETag, reads[7].State.RecordExists));
        Assert.Equal("2", reads[8].State.ETag);
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
        // A trigger of this test refuses rows of one state name: that statement fails, and with it the round trip it shares.
        await Poison(connection);
        await using var transaction = await connection.BeginTransactionAsync();
        var key = StateRowKey.For(State, blocker.Id);
        await using (var lockRow = new NpgsqlCommand(
            "SELECT 1 FROM orleans_storage WHERE grain_type = $1 AND grain_id_n0 = $2 AND grain_id_n1 = $3 FOR UPDATE",
            connection, transaction))
        {
            lockRow.Parameters.Add(new NpgsqlParameter<string> { TypedValue = State });
            lockRow.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key.N0 });
            lockRow.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key.N1 });
            Assert.Equal(1, await lockRow.ExecuteScalarAsync());
        }
        var blocked = storage.WriteStateAsync(State, blocker.Id, blocker.State);
        await WaitUntilAWriteWaitsForALock();

        var good = Fresh("good", 10);
        var writes = good.Select(g => storage.WriteStateAsync(State, g.Id, g.State)).ToList();
        var bad = storage.WriteStateAsync(Poisoned, Samples.NewGrainId(), new TestGrainState<DaoState> { State = Samples.Dao("bad") });
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

    [Fact]
    public async Task A_key_postgres_cannot_store_fails_its_own_read_or_write_alone()
    {
        var storage = NewStorage();
        var nul = GrainId.Create("voter", "0x\0");
        var state = new TestGrainState<DaoState> { State = Samples.Dao("nul") };
        var others = Fresh("other", 5);

        var writes = others.Select(o => storage.WriteStateAsync(State, o.Id, o.State)).ToList();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteStateAsync(State, nul, state));
        Assert.Contains("NUL", error.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => storage.ReadStateAsync(State, nul, state));
        await Task.WhenAll(writes);
        Assert.All(others, o => Assert.Equal("1", o.State.ETag));
    }

    private const string Poisoned = "poison-test";

    private static async Task Poison(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand($"""
            CREATE OR REPLACE FUNCTION poison_state() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN RAISE EXCEPTION 'rows of {Poisoned} are refused by this test'; END $$;
            CREATE OR REPLACE TRIGGER poison_state BEFORE INSERT OR UPDATE ON orleans_storage
              FOR EACH ROW WHEN (NEW.grain_type = '{Poisoned}') EXECUTE FUNCTION poison_state();
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task WaitUntilAWriteWaitsForALock()
    {
        await using var observer = new NpgsqlConnection(backend.ConnectionString);
        await observer.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE orleans_storage%'", observer);
        await Eventually.Until(async () => (long)(await waiting.ExecuteScalarAsync())!, n => n > 0,
            what: "the blocker's write waiting for its row");
    }

    /// <summary>New grains, each with a DAO state named after it, never written yet.</summary>
    private static List<(GrainId Id, TestGrainState<DaoState> State)> Fresh(string name, int count) =>
        [.. Enumerable.Range(0, count)
            .Select(i => (Samples.NewGrainId(), new TestGrainState<DaoState> { State = Samples.Dao($"{name} {i}") }))];

    private PostgresGrainStorage NewStorage(string? serviceId = null) => new("test",
        serviceId ?? backend.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
        backend.Services.GetRequiredService<PostgresDatabase>(), GovernanceStateSerializer.For(backend.Services, GovernanceStorage.Name));
}
