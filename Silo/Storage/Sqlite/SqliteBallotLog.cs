using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Microsoft.Data.Sqlite;
using Orleans.Serialization;

namespace Blocktrack.Silo.Storage.Sqlite;

/// <summary>
/// The ballot log in the embedded profile's SQLite file: one row per ballot, read in append order. The rows every
/// shard appends together are one transaction.
/// </summary>
public sealed class SqliteBallotLog(SqliteDatabase database, Serializer<Ballot> serializer) : BatchedBallotLog(serializer)
{
    private const string Insert = "INSERT INTO ballots (log_id, payload) VALUES ($log, $payload)";
    private const string Select = "SELECT payload FROM ballots WHERE log_id = $log ORDER BY seq";
    private const string Count = "SELECT count(*) FROM ballots WHERE log_id = $log";

    protected override Task WriteAsync(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken) =>
        database.WriteAsync(writer =>
        {
            var insert = writer.Command(Insert);
            var log = insert.Parameters.Add("$log", SqliteType.Text);
            var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
            foreach (var row in rows)
            {
                log.Value = row.Log;
                payload.Value = row.Payload;
                insert.ExecuteNonQuery();
            }
            return rows.Count;
        }, cancellationToken);

    public override Task<long> CountAsync(string proposalId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = Count;
            command.Parameters.AddWithValue("$log", proposalId);
            return (long)command.ExecuteScalar()!;
        }, cancellationToken);

    protected override Task<List<byte[]>> ReadPayloadsAsync(string log, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = Select;
            command.Parameters.AddWithValue("$log", log);
            using var reader = command.ExecuteReader();
            var payloads = new List<byte[]>();
            while (reader.Read()) payloads.Add((byte[])reader.GetValue(0));
            return payloads;
        }, cancellationToken);
}
