using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Blocktrack.Silo.Storage;
using Blocktrack.Silo.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Blocktrack.Storage.Tests;

/// <summary>
/// The cluster profile's grain storage against Orleans' own ADO.NET provider on the same table: each reads what the other
/// wrote, a stale writer of either kind conflicts, and the key columns are the ones Orleans computes, for string,
/// integer and GUID keys. This is what lets silos with either provider share one database during an upgrade.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", TestCategory.Storage)]
public sealed class OrleansRowCompatibilityTests(PostgresBackend backend)
{
    private const string State = GovernanceStorage.DaoState;

    public static TheoryData<string> Keys => ["string", "non-ascii string", "long string", "integer", "integer+ext", "guid", "guid+ext"];

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Rows_orleans_wrote_are_read_and_rewritten_here_and_the_other_way(string kind)
    {
        var (orleans, ours, id) = (await OrleansProvider(), backend.GrainStorage, GrainIdOf(kind));
        var first = new TestGrainState<DaoState> { State = Samples.Dao("written by orleans") };
        await orleans.WriteStateAsync(State, id, first);

        var read = new TestGrainState<DaoState>();
        await ours.ReadStateAsync(State, id, read);
        Assert.Equal(("written by orleans", first.ETag, true), (read.State.DisplayName, read.ETag, read.RecordExists));

        read.State.DisplayName = "rewritten here";
        await ours.WriteStateAsync(State, id, read);
        var back = new TestGrainState<DaoState>();
        await orleans.ReadStateAsync(State, id, back);
        Assert.Equal(("rewritten here", read.ETag), (back.State.DisplayName, back.ETag));

        // Still one row, with the key columns Orleans computed.
        var rows = await KeyColumns(id);
        var row = Assert.Single(rows);
        var key = StateRowKey.For(State, id);
        Assert.Equal((key.GrainIdHash, key.GrainTypeHash, key.N0, key.N1, key.Extension), row);
    }

    [Fact]
    public async Task A_stale_writer_of_either_kind_conflicts()
    {
        var (orleans, ours, id) = (await OrleansProvider(), backend.GrainStorage, Samples.NewGrainId());
        var seen = new TestGrainState<DaoState> { State = Samples.Dao("v1") };
        await ours.WriteStateAsync(State, id, seen);
        var byOrleans = new TestGrainState<DaoState>();
        await orleans.ReadStateAsync(State, id, byOrleans);
        var byUs = new TestGrainState<DaoState>();
        await ours.ReadStateAsync(State, id, byUs);

        byOrleans.State.DisplayName = "orleans first";
        await orleans.WriteStateAsync(State, id, byOrleans);
        byUs.State.DisplayName = "stale here";
        await Assert.ThrowsAsync<InconsistentStateException>(() => ours.WriteStateAsync(State, id, byUs));

        await ours.ReadStateAsync(State, id, byUs);
        byUs.State.DisplayName = "here second";
        await ours.WriteStateAsync(State, id, byUs);
        byOrleans.State.DisplayName = "stale at orleans";
        await Assert.ThrowsAsync<InconsistentStateException>(() => orleans.WriteStateAsync(State, id, byOrleans));

        var final = new TestGrainState<DaoState>();
        await orleans.ReadStateAsync(State, id, final);
        Assert.Equal("here second", final.State.DisplayName);
    }

    [Fact]
    public async Task A_clear_here_is_a_clear_for_orleans_and_the_other_way()
    {
        var (orleans, ours) = (await OrleansProvider(), backend.GrainStorage);
        foreach (var (writer, clearer, reader) in new[] { (orleans, ours, orleans), (ours, orleans, ours) })
        {
            var id = Samples.NewGrainId();
            var state = new TestGrainState<DaoState> { State = Samples.Dao("to clear") };
            await writer.WriteStateAsync(State, id, state);
            var other = new TestGrainState<DaoState>();
            await clearer.ReadStateAsync(State, id, other);
            await clearer.ClearStateAsync(State, id, other);

            var read = new TestGrainState<DaoState>();
            await reader.ReadStateAsync(State, id, read);
            Assert.False(read.RecordExists);
            Assert.Equal(other.ETag, read.ETag);
            Assert.False(read.State.Created);
            await Assert.ThrowsAsync<InconsistentStateException>(() => writer.WriteStateAsync(State, id, state));
        }
    }

    private static GrainId GrainIdOf(string kind) => kind switch
    {
        "string" => GrainId.Create("voter", Samples.Address(Random.Shared.Next())),
        // Multi-byte UTF-8, and a key past the 256 bytes StateRowKey hashes on the stack.
        "non-ascii string" => GrainId.Create("dao", $"blocktrack/éducation-🎓-{Random.Shared.Next()}"),
        "long string" => GrainId.Create("dao", $"blocktrack/{new string('x', 300)}/{Random.Shared.Next()}"),
        "integer" => GrainId.Create(GrainType.Create("auditpage"), GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64())),
        "integer+ext" =>
            GrainId.Create(GrainType.Create("auditpage"), GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64(), "ext")),
        "guid" => GrainId.Create(GrainType.Create("grant"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid())),
        _ => GrainId.Create(GrainType.Create("grant"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "ext")),
    };

    private async Task<List<(int, int, long, long, string)>> KeyColumns(GrainId id)
    {
        var key = StateRowKey.For(State, id);
        await using var connection = new NpgsqlConnection(backend.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_id_extension FROM orleans_storage
            WHERE grain_type = $1 AND grain_id_n0 = $2 AND grain_id_n1 = $3 AND grain_id_extension = $4
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = State });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key.N0 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key.N1 });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Extension });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, int, long, long, string)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4)));
        return rows;
    }

    /// <summary>
    /// Orleans' provider on the backend's database, with the silo's service id and serializer, started as a silo starts it.
    /// </summary>
    private async Task<IGrainStorage> OrleansProvider()
    {
        var services = backend.Services;
        var options = new AdoNetGrainStorageOptions
        {
            Invariant = PostgresDatabase.Invariant,
            ConnectionString = backend.ConnectionString,
            GrainStorageSerializer = GovernanceStateSerializer.For(services, GovernanceStorage.Name),
        };
        var provider = new AdoNetGrainStorage(services.GetRequiredService<IActivatorProvider>(),
            NullLogger<AdoNetGrainStorage>.Instance, Options.Create(options), services.GetRequiredService<IOptions<ClusterOptions>>(),
            "orleans-" + GovernanceStorage.Name);
        var lifecycle = new StartOnly();
        provider.Participate(lifecycle);
        await lifecycle.Start();
        return provider;
    }

    /// <summary>Runs what subscribes to it, in stage order, as the silo's lifecycle would on start.</summary>
    private sealed class StartOnly : ISiloLifecycle
    {
        private readonly List<(int Stage, ILifecycleObserver Observer)> _observers = [];

        public int HighestCompletedStage { get; private set; }

        public int LowestStoppedStage => int.MaxValue;

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
        {
            _observers.Add((stage, observer));
            return new NoUnsubscribe();
        }

        public async Task Start()
        {
            foreach (var (stage, observer) in _observers.OrderBy(o => o.Stage))
            {
                await observer.OnStart(CancellationToken.None);
                HighestCompletedStage = stage;
            }
        }

        private sealed class NoUnsubscribe : IDisposable
        {
            public void Dispose() { }
        }
    }
}
