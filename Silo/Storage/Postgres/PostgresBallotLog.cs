using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;

namespace Blocktrack.Silo.Storage.Postgres;

/// <summary>
/// The ballot log of the cluster profile: one row per ballot in <c>ballots</c>, each batch one binary COPY, read in
/// append order.
/// </summary>
public sealed class PostgresBallotLog(PostgresDatabase database, Serializer<Ballot> serializer) : IBallotLog
{
    private const string Copy = "COPY ballots (log_id, payload) FROM STDIN (FORMAT BINARY)";
    private const string Select = "SELECT payload FROM ballots WHERE log_id = $1 ORDER BY seq";

    public async Task AppendAsync(string proposalId, IReadOnlyList<Ballot> batch, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0) return;
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        // One COPY is one statement, hence one transaction: the whole batch lands, in order, or none of it does.
        await using var copy = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        foreach (var ballot in batch)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(proposalId, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(serializer.SerializeToArray(ballot), NpgsqlDbType.Bytea, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Ballot>> ReadAsync(string proposalId, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(Select);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = proposalId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ballots = new List<Ballot>();
        while (await reader.ReadAsync(cancellationToken)) ballots.Add(Decode(reader.GetFieldValue<byte[]>(0), proposalId));
        return ballots;
    }

    private Ballot Decode(byte[] payload, string proposalId) =>
        serializer.Deserialize(payload) ?? throw new InvalidDataException($"A ballot of log '{proposalId}' decodes to nothing.");
}
