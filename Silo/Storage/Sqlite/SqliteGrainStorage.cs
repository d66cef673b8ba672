using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Blocktrack.Silo.Storage.Sqlite;

/// <summary>
/// Grain state in the embedded profile's SQLite file: one row per state name and grain, its integer version as the
/// etag. A write or clear with a stale etag throws <see cref="InconsistentStateException"/> and changes nothing. As in
/// the PostgreSQL storage, what follows a database call runs where it ended, not queued back to the grain's scheduler.
/// </summary>
public sealed class SqliteGrainStorage(string name, SqliteDatabase database, IGrainStorageSerializer serializer) : IGrainStorage
{
    private const string Match = "state_name = $state AND grain_id = $grain";
    private const string Select = $"SELECT version, payload FROM grain_state WHERE {Match}";
    private const string Version = $"SELECT version FROM grain_state WHERE {Match}";
    private const string Insert = """
        INSERT INTO grain_state (state_name, grain_id, version, payload) VALUES ($state, $grain, 1, $payload)
        ON CONFLICT DO NOTHING
        """;
    private const string Update = $"UPDATE grain_state SET version = version + 1, payload = $payload WHERE {Match} AND version = $version";
    private const string Clear = $"UPDATE grain_state SET version = version + 1, payload = NULL WHERE {Match} AND version = $version";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (found, version, payload) = await database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = Select;
            Key(command, stateName, grainId);
            using var reader = command.ExecuteReader();
            if (!reader.Read()) return (false, 0L, (byte[]?)null);
            return (true, reader.GetInt64(0), reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1));
        }).ConfigureAwait(false);
        grainState.ETag = found ? Etag(version) : null;
        grainState.RecordExists = payload is not null;
        grainState.State = payload is null
            ? Activator.CreateInstance<T>()
            : serializer.Deserialize<T>(payload) ?? throw new InvalidDataException($"State '{stateName}' of {grainId} decodes to nothing.");
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        var expected = ParseEtag(grainState.ETag);
        var written = await database.WriteAsync(writer =>
        {
            var command = writer.Command(expected is null ? Insert : Update);
            Key(command, stateName, grainId);
            command.Parameters.AddWithValue("$payload", payload);
            if (expected is { } version) command.Parameters.AddWithValue("$version", version);
            return command.ExecuteNonQuery() == 1 ? (expected ?? 0) + 1 : (long?)null;
        }).ConfigureAwait(false);
        if (written is null) throw await Conflict("write", stateName, grainId, grainState.ETag).ConfigureAwait(false);
        grainState.ETag = Etag(written.Value);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = ParseEtag(grainState.ETag);
        var cleared = await database.WriteAsync(writer =>
        {
            if (expected is not { } version)
            {
                // Never written as far as this grain knows: fine only if nobody else wrote it either.
                var probe = writer.Command(Version);
                Key(probe, stateName, grainId);
                return probe.ExecuteScalar() is null ? (long?)0 : null;
            }
            var command = writer.Command(Clear);
            Key(command, stateName, grainId);
            command.Parameters.AddWithValue("$version", version);
            return command.ExecuteNonQuery() == 1 ? version + 1 : null;
        }).ConfigureAwait(false);
        if (cleared is null) throw await Conflict("clear", stateName, grainId, grainState.ETag).ConfigureAwait(false);
        grainState.ETag = cleared == 0 ? null : Etag(cleared.Value);
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private async Task<InconsistentStateException> Conflict(string operation, string stateName, GrainId grainId, string? etag)
    {
        var stored = await database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = Version;
            Key(command, stateName, grainId);
            return command.ExecuteScalar() is long version ? Etag(version) : "none";
        }).ConfigureAwait(false);
        return new InconsistentStateException(
            $"Version conflict on {operation} of '{stateName}' for {grainId} in storage '{name}': "
            + $"the grain holds etag {etag ?? "none"}, storage has {stored}.",
            stored, etag ?? "none");
    }

    private static void Key(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
    }

    private static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static long? ParseEtag(string? etag) =>
        string.IsNullOrEmpty(etag) ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : -1; // not ours: matches no row, so the write is refused as a conflict
}
