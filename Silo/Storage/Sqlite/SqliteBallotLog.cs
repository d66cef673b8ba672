using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Microsoft.Data.Sqlite;
using Orleans.Serialization;

namespace Blocktrack.Silo.Storage.Sqlite;

/// <summary>
/// The ballot log in the embedded profile's SQLite file: one row per ballot, a batch per transaction, read in append
/// order.
/// </summary>
public sealed class SqliteBallotLog(SqliteDatabase database, Serializer<Ballot> serializer) : IBallotLog
{
    private const string Insert = "INSERT INTO ballots (log_id, payload) VALUES ($log, $payload)";
    private const string Select = "SELECT payload FROM ballots WHERE log_id = $log ORDER BY seq";

    public async Task AppendAsync(string proposalId, IReadOnlyList<Ballot> batch, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0) return;
        // Serialized before taking the writer, so the lock is held for the inserts alone.
        var payloads = new byte[batch.Count][];
        for (var i = 0; i < batch.Count; i++) payloads[i] = serializer.SerializeToArray(batch[i]);
        await database.WriteAsync(writer =>
        {
            var insert = writer.Command(Insert);
            insert.Parameters.AddWithValue("$log", proposalId);
            var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
            foreach (var bytes in payloads)
            {
                payload.Value = bytes;
                insert.ExecuteNonQuery();
            }
            return payloads.Length;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Ballot>> ReadAsync(string proposalId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<Ballot>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = Select;
            command.Parameters.AddWithValue("$log", proposalId);
            using var reader = command.ExecuteReader();
            var ballots = new List<Ballot>();
            while (reader.Read()) ballots.Add(Decode((byte[])reader.GetValue(0), proposalId));
            return ballots;
        }, cancellationToken);

    private Ballot Decode(byte[] payload, string proposalId) =>
        serializer.Deserialize(payload) ?? throw new InvalidDataException($"A ballot of log '{proposalId}' decodes to nothing.");
}
