using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Microsoft.Data.Sqlite;
using Orleans.Serialization;

namespace Blocktrack.Silo.Storage.Sqlite;

/// <summary>
/// The ballot log in the embedded profile's SQLite file: a row per appended batch (<see cref="BallotRows"/>), read in
/// append order. The rows every shard appends together are one transaction.
/// </summary>
public sealed class SqliteBallotLog(SqliteDatabase database, Serializer<Ballot> one, Serializer<Ballot[]> many)
    : BatchedBallotLog(one, many)
{
    private const string Insert = "INSERT INTO ballots (log_id, payload, ballot_count) VALUES ($log, $payload, $count)";
    private const string Select = "SELECT payload, ballot_count FROM ballots WHERE log_id = $log ORDER BY seq";
    private const string Count = "SELECT coalesce(sum(ballot_count), 0) FROM ballots WHERE log_id = $log";

    protected override Task WriteAsync(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken) =>
        database.WriteAsync(writer =>
        {
            var insert = writer.Command(Insert);
            var log = insert.Parameters.Add("$log", SqliteType.Text);
            var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
            var count = insert.Parameters.Add("$count", SqliteType.Integer);
            foreach (var row in rows)
            {
                log.Value = row.Log;
                payload.Value = row.Payload;
                count.Value = row.Entries;
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

    protected override Task<List<(byte[] Payload, int Count)>> ReadRowsAsync(string log, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = Select;
            command.Parameters.AddWithValue("$log", log);
            using var reader = command.ExecuteReader();
            var rows = new List<(byte[], int)>();
            while (reader.Read()) rows.Add(((byte[])reader.GetValue(0), reader.GetInt32(1)));
            return rows;
        }, cancellationToken);
}
