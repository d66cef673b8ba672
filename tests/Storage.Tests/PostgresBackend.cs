using Blocktrack.Silo;
using Npgsql;

namespace Blocktrack.Storage.Tests;

/// <summary>The cluster profile's storage on a throwaway PostgreSQL server, which other tests of the collection share.</summary>
public sealed class PostgresBackend : StorageBackend
{
    private PostgresServer? _server;
    private string _connectionString = "";

    public override string Name => "postgresql";

    /// <summary>The database the silo's providers use.</summary>
    public string ConnectionString => _connectionString;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    protected override async Task<Dictionary<string, string?>> PrepareAsync()
    {
        _server = await PostgresServer.StartAsync();
        _connectionString = await _server.CreateDatabaseAsync("contract");
        return new Dictionary<string, string?>
        {
            ["Orleans:Profile"] = SiloConfiguration.ClusterProfile,
            ["ConnectionStrings:Orleans"] = _connectionString,
        };
    }

    public override async Task<IReadOnlyList<(long Seq, byte[] Payload, int Count)>> RawBallotsAsync(string logId)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT seq, payload, ballot_count FROM ballots WHERE log_id = $1 ORDER BY seq", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = logId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, byte[], int)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetInt32(2)));
        return rows;
    }

    public override async Task InsertRawBallotAsync(string logId, byte[] payload, int? count)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(count is null
            ? "INSERT INTO ballots (log_id, payload) VALUES ($1, $2)"
            : "INSERT INTO ballots (log_id, payload, ballot_count) VALUES ($1, $2, $3)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = logId });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload });
        if (count is { } n) command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = n });
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<IReadOnlyList<Exception?>> TamperWithBallotsAsync(string logId)
    {
        var attempts = new List<Exception?>();
        foreach (var sql in new[] { "UPDATE ballots SET payload = '\\x00' WHERE log_id = $1", "DELETE FROM ballots WHERE log_id = $1" })
        {
            attempts.Add(await Record.ExceptionAsync(async () =>
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = logId });
                await command.ExecuteNonQueryAsync();
            }));
        }
        return attempts;
    }

    protected override async ValueTask CleanUpAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
