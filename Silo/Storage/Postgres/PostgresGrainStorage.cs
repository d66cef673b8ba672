using System.Globalization;
using Blocktrack.Grains.Persistence;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace Blocktrack.Silo.Storage.Postgres;

/// <summary>
/// Grain state of the cluster profile in <c>orleans_storage</c>, row for row what Orleans' ADO.NET provider reads and
/// writes (<see cref="StateRowKey"/>, the integer version as the etag, the same serializer), so either provider reads the
/// other's rows and a stale writer of either kind conflicts. What differs is the cost: the state is serialized in the
/// grain's turn (a reentrant grain may change it again while the write is in flight), statements are prepared on the
/// silo's pooled data source with positional parameters, and the reads, and the writes, that many grains issue at once go
/// to PostgreSQL together, one round trip each (<see cref="RoundTripBatcher{TItem, TResult}"/>). A round trip's writes
/// are one implicit transaction: all of them land or none does, and a failure fails every grain's write in it. What
/// follows a round trip (deserializing, setting the etag) runs where the round trip ended (<c>ConfigureAwait(false)</c>),
/// not queued back to the grain's scheduler: the grain, awaiting the whole call, resumes on its own once, and a
/// shard's turns are not spent deserializing its voters' rows. Nothing after those awaits calls a grain.
/// </summary>
public sealed class PostgresGrainStorage : IGrainStorage
{
    private const string Match = """
        grain_id_hash = $1 AND grain_type_hash = $2 AND service_id = $3 AND grain_type = $4
          AND grain_id_n0 = $5 AND grain_id_n1 = $6 AND grain_id_extension = $7
        """;
    private const string Select = $"SELECT payload, version FROM orleans_storage WHERE {Match}";
    // The rows of many keys in one statement: a key per array position, each looked up on its own through the primary
    // key (LIMIT 1 keeps the planner from turning the lookups into a join over the table); absent rows return nothing.
    private const string SelectMany = """
        SELECT k.i, s.payload, s.version
        FROM unnest($1::integer[], $2::integer[], $3::text[], $4::bigint[], $5::bigint[], $6::text[])
            WITH ORDINALITY AS k(id_hash, type_hash, grain_type, n0, n1, extension, i)
        CROSS JOIN LATERAL (
            SELECT payload, version FROM orleans_storage
            WHERE grain_id_hash = k.id_hash AND grain_type_hash = k.type_hash AND service_id = $7
              AND grain_type = k.grain_type AND grain_id_n0 = k.n0 AND grain_id_n1 = k.n1 AND grain_id_extension = k.extension
            LIMIT 1
        ) s
        """;
    private const string Write = $"""
        WITH updated AS (
            UPDATE orleans_storage SET payload = $9, version = version + 1, modified_on = now()
            WHERE {Match} AND version = $8
            RETURNING version
        ), inserted AS (
            INSERT INTO orleans_storage
                (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, version, payload)
            SELECT $1, $2, $3, $4, $5, $6, $7, 1, $9
            WHERE $8::integer IS NULL
            ON CONFLICT DO NOTHING
            RETURNING version
        )
        SELECT version FROM updated UNION ALL SELECT version FROM inserted
        """;
    private const string Clear = $"""
        UPDATE orleans_storage SET payload = NULL, version = version + 1, modified_on = now()
        WHERE {Match} AND version = $8
        RETURNING version
        """;

    private const int MostStatementsPerRoundTrip = 256;

    private readonly string _name;
    private readonly string _serviceId;
    private readonly PostgresDatabase _database;
    private readonly IGrainStorageSerializer _serializer;
    private readonly RoundTripBatcher<StateRowKey, (byte[]? Payload, int? Version)> _reads;
    private readonly RoundTripBatcher<Change, int?> _changes;

    public PostgresGrainStorage(string name, string serviceId, PostgresDatabase database, IGrainStorageSerializer serializer)
    {
        (_name, _serviceId, _database, _serializer) = (name, serviceId, database, serializer);
        _reads = new(ReadAll, _ => 1, MostStatementsPerRoundTrip);
        _changes = new(ChangeAll, _ => 1, MostStatementsPerRoundTrip);
    }

    /// <summary>Round trips that wrote or cleared state so far, and the most changes one carried.</summary>
    public (long RoundTrips, int Largest) Writes => (_changes.Writes, _changes.LargestWrite);

    /// <summary>Round trips that read state so far, and the most reads one carried.</summary>
    public (long RoundTrips, int Largest) Reads => (_reads.Writes, _reads.LargestWrite);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (payload, version) = await _reads.Submit(StateRowKey.For(stateName, grainId)).ConfigureAwait(false);
        var state = payload is null ? default : _serializer.Deserialize<T>(new BinaryData(payload));
        grainState.State = state ?? Activator.CreateInstance<T>();
        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Before any await: the grain cannot change its state while it is serialized.
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var change = new Change(StateRowKey.For(stateName, grainId), ParseEtag(grainState.ETag), payload);
        var written = await _changes.Submit(change).ConfigureAwait(false);
        if (written is null) throw await Conflict("write", change.Key, grainId, grainState.ETag).ConfigureAwait(false);
        grainState.ETag = written.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            // Nothing this grain knows of: clear only what storage holds, as Orleans' provider does.
            await ReadStateAsync(stateName, grainId, grainState).ConfigureAwait(false);
            if (!grainState.RecordExists) return;
        }
        var change = new Change(StateRowKey.For(stateName, grainId), ParseEtag(grainState.ETag), null);
        var cleared = change.Expected is null ? null : await _changes.Submit(change).ConfigureAwait(false);
        if (cleared is null) throw await Conflict("clear", change.Key, grainId, grainState.ETag).ConfigureAwait(false);
        grainState.ETag = cleared.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private async Task<IReadOnlyList<(byte[]?, int?)>> ReadAll(IReadOnlyList<StateRowKey> keys)
    {
        if (keys.Count == 1) return [await ReadOne(keys[0])];
        await using var command = _database.DataSource.CreateCommand(SelectMany);
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. keys.Select(k => k.GrainIdHash)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. keys.Select(k => k.GrainTypeHash)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Select(k => k.GrainType)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. keys.Select(k => k.N0)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. keys.Select(k => k.N1)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. keys.Select(k => k.Extension)] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        var found = new (byte[]?, int?)[keys.Count];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            found[reader.GetInt64(0) - 1] = Row(reader, 1);
        return found;
    }

    private async Task<(byte[]?, int?)> ReadOne(StateRowKey key)
    {
        await using var batch = _database.DataSource.CreateBatch();
        batch.BatchCommands.Add(Command(Select, key));
        await using var reader = await batch.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Row(reader, 0) : (null, null);
    }

    // A row's payload (null where cleared) and version, from the column at `first` on.
    private static (byte[]?, int?) Row(NpgsqlDataReader reader, int first) =>
        (reader.IsDBNull(first) ? null : reader.GetFieldValue<byte[]>(first), reader.GetInt32(first + 1));

    private async Task<IReadOnlyList<int?>> ChangeAll(IReadOnlyList<Change> changes)
    {
        // In key order, the same in every round trip, so concurrent round trips lock rows in one order.
        var order = Enumerable.Range(0, changes.Count).OrderBy(i => changes[i].Key).ToArray();
        await using var batch = _database.DataSource.CreateBatch();
        foreach (var i in order) batch.BatchCommands.Add(Statement(changes[i]));
        var versions = new int?[changes.Count];
        await using var reader = await batch.ExecuteReaderAsync();
        foreach (var i in order)
        {
            if (await reader.ReadAsync()) versions[i] = reader.GetInt32(0);
            await reader.NextResultAsync();
        }
        return versions;
    }

    private NpgsqlBatchCommand Statement(Change change)
    {
        var command = Command(change.Payload is null ? Clear : Write, change.Key);
        var expected = (object?)change.Expected ?? DBNull.Value;
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = expected });
        if (change.Payload is { } payload)
            command.Parameters.Add(new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = payload });
        return command;
    }

    private NpgsqlBatchCommand Command(string sql, StateRowKey key) => new(sql)
    {
        Parameters =
        {
            new NpgsqlParameter<int> { TypedValue = key.GrainIdHash },
            new NpgsqlParameter<int> { TypedValue = key.GrainTypeHash },
            new NpgsqlParameter<string> { TypedValue = _serviceId },
            new NpgsqlParameter<string> { TypedValue = key.GrainType },
            new NpgsqlParameter<long> { TypedValue = key.N0 },
            new NpgsqlParameter<long> { TypedValue = key.N1 },
            new NpgsqlParameter<string> { TypedValue = key.Extension },
        },
    };

    private async Task<InconsistentStateException> Conflict(string operation, StateRowKey key, GrainId grainId, string? etag)
    {
        var (_, version) = await _reads.Submit(key).ConfigureAwait(false);
        var stored = version?.ToString(CultureInfo.InvariantCulture) ?? "none";
        return new InconsistentStateException(
            $"Version conflict on {operation} of '{key.GrainType}' for {grainId} in storage '{_name}': "
            + $"the grain holds etag {etag ?? "none"}, storage has {stored}.",
            stored, etag ?? "none");
    }

    // An etag that is no version of ours matches no row, so the write is refused as a conflict.
    private static int? ParseEtag(string? etag) =>
        string.IsNullOrWhiteSpace(etag) ? null
        : int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : -1;

    /// <summary>A write (with its payload) or a clear (without), expecting the version the grain last saw, if any.</summary>
    private readonly record struct Change(StateRowKey Key, int? Expected, byte[]? Payload);
}
