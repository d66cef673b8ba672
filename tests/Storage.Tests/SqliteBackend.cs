using Blocktrack.Silo;
using Blocktrack.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Blocktrack.Storage.Tests;

/// <summary>The embedded profile: a SQLite file in a temp folder.</summary>
public sealed class SqliteBackend : StorageBackend
{
    private readonly TempDirectory _data = new();

    public override string Name => "sqlite";

    private SqliteDatabase Database => Services.GetRequiredService<SqliteDatabase>();

    protected override Task<Dictionary<string, string?>> PrepareAsync() => Task.FromResult(new Dictionary<string, string?>
    {
        ["Orleans:Profile"] = SiloConfiguration.EmbeddedProfile,
        ["Orleans:DataDirectory"] = _data.Path,
    });

    public override Task<IReadOnlyList<(long Seq, byte[] Payload, int Count)>> RawBallotsAsync(string logId) =>
        Database.ReadAsync<IReadOnlyList<(long, byte[], int)>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT seq, payload, ballot_count FROM ballots WHERE log_id = $log ORDER BY seq";
            command.Parameters.AddWithValue("$log", logId);
            using var reader = command.ExecuteReader();
            var rows = new List<(long, byte[], int)>();
            while (reader.Read()) rows.Add((reader.GetInt64(0), (byte[])reader.GetValue(1), reader.GetInt32(2)));
            return rows;
        });

    public override Task InsertRawBallotAsync(string logId, byte[] payload, int? count) =>
        Database.WriteAsync(writer =>
        {
            var command = writer.Command(count is null
                ? "INSERT INTO ballots (log_id, payload) VALUES ($log, $payload)"
                : "INSERT INTO ballots (log_id, payload, ballot_count) VALUES ($log, $payload, $count)");
            command.Parameters.AddWithValue("$log", logId);
            command.Parameters.AddWithValue("$payload", payload);
            if (count is { } n) command.Parameters.AddWithValue("$count", n);
            return command.ExecuteNonQuery();
        });

    public override async Task<IReadOnlyList<Exception?>> TamperWithBallotsAsync(string logId)
    {
        var attempts = new List<Exception?>();
        foreach (var sql in new[] { "UPDATE ballots SET payload = x'00' WHERE log_id = $log", "DELETE FROM ballots WHERE log_id = $log" })
        {
            attempts.Add(await Record.ExceptionAsync(() => Database.WriteAsync(writer =>
            {
                var command = writer.Command(sql);
                command.Parameters.AddWithValue("$log", logId);
                return command.ExecuteNonQuery();
            })));
        }
        return attempts;
    }

    protected override ValueTask CleanUpAsync()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
        return ValueTask.CompletedTask;
    }
}
