using Blocktrack.Grains.Interfaces;
using Orleans.Serialization;

namespace Blocktrack.Grains.Persistence;

/// <summary>
/// A ballot log over a table of (log id, payload) rows: ballots are serialized in the appending shard's turn and
/// written with every other shard's rows pending at that moment, one transaction per write (<see cref="LogBatcher"/>).
/// </summary>
public abstract class BatchedBallotLog : IBallotLog
{
    private readonly Serializer<Ballot> _serializer;

    protected BatchedBallotLog(Serializer<Ballot> serializer)
    {
        _serializer = serializer;
        Batcher = new LogBatcher(WriteAsync);
    }

    /// <summary>The process's shared writer: how many writes, and the largest.</summary>
    public LogBatcher Batcher { get; }

    public Task AppendAsync(string proposalId, IReadOnlyList<Ballot> batch, CancellationToken cancellationToken = default)
    {
        var rows = new LogRow[batch.Count];
        for (var i = 0; i < rows.Length; i++) rows[i] = new LogRow(proposalId, _serializer.SerializeToArray(batch[i]));
        return Batcher.Append(rows, cancellationToken);
    }

    public async Task<IReadOnlyList<Ballot>> ReadAsync(string proposalId, CancellationToken cancellationToken = default)
    {
        var payloads = await ReadPayloadsAsync(proposalId, cancellationToken);
        return payloads.ConvertAll(p => _serializer.Deserialize(p)
            ?? throw new InvalidDataException($"A ballot of log '{proposalId}' decodes to nothing."));
    }

    public abstract Task<long> CountAsync(string proposalId, CancellationToken cancellationToken = default);

    /// <summary>Stores every row in one transaction: all of them, in order, or none.</summary>
    protected abstract Task WriteAsync(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken);

    /// <summary>The payloads of one log in append order.</summary>
    protected abstract Task<List<byte[]>> ReadPayloadsAsync(string log, CancellationToken cancellationToken);
}
