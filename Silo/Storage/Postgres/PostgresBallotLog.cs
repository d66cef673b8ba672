using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;

namespace Blocktrack.Silo.Storage.Postgres;

/// <summary>
/// The ballot log of the cluster profile: a row per appended batch in <c>ballots</c> (<see cref="BallotRows"/>), read in
/// append order. The rows every shard of the silo appends together are one binary COPY.
/// </summary>
public sealed class PostgresBallotLog(PostgresDatabase database, Serializer<Ballot> one, Serializer<Ballot[]> many)
    : BatchedBallotLog(one, many)
{
    private const string Copy = "COPY ballots (log_id, payload, ballot_count) FROM STDIN (FORMAT BINARY)";
    private const string Select = "SELECT payload, ballot_count FROM ballots WHERE log_id = $1 ORDER BY seq";
    private const string Count = "SELECT coalesce(sum(ballot_count), 0)::bigint FROM ballots WHERE log_id = $1";

    protected override async Task WriteAsync(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        // One COPY is one statement, hence one transaction: the whole write lands, in order, or none of it does.
        await using var copy = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(row.Log, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.Payload, NpgsqlDbType.Bytea, cancellationToken);
            await copy.WriteAsync(row.Entries, NpgsqlDbType.Integer, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    public override async Task<long> CountAsync(string proposalId, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand(Count);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = proposalId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    protected override async Task<List<(byte[] Payload, int Count)>> ReadRowsAsync(string log, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(Select);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = log });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(byte[], int)>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetFieldValue<byte[]>(0), reader.GetInt32(1)));
        return rows;
    }
}
