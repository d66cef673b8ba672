using Blocktrack.Grains.Interfaces;
using Orleans.Serialization;

namespace Blocktrack.Grains.Persistence;

/// <summary>
/// A ballot log over a table of (log id, payload, ballot count) rows, one row per appended batch (<see cref="BallotRows"/>):
/// a batch is serialized in the appending shard's turn and written with every other shard's rows pending at that moment,
/// one transaction per write (<see cref="LogBatcher"/>).
/// </summary>
public abstract class BatchedBallotLog : IBallotLog
{
    private readonly BallotRows _rows;

    protected BatchedBallotLog(Serializer<Ballot> one, Serializer<Ballot[]> many)
    {
        _rows = new BallotRows(one, many);
        Batcher = new LogBatcher(WriteAsync);
    }

    /// <summary>The process's shared writer: how many writes, and the largest.</summary>
    public LogBatcher Batcher { get; }

    public Task AppendAsync(string proposalId, IReadOnlyList<Ballot> batch, CancellationToken cancellationToken = default) =>
        Batcher.Append(batch.Count == 0 ? [] : [new LogRow(proposalId, _rows.Encode(batch), batch.Count)], cancellationToken);

    public async Task<IReadOnlyList<Ballot>> ReadAsync(string proposalId, CancellationToken cancellationToken = default)
    {
        var rows = await ReadRowsAsync(proposalId, cancellationToken);
        var ballots = new List<Ballot>(rows.Sum(r => r.Count));
        foreach (var (payload, count) in rows) ballots.AddRange(_rows.Decode(proposalId, payload, count));
        return ballots;
    }

    public abstract Task<long> CountAsync(string proposalId, CancellationToken cancellationToken = default);

    /// <summary>Stores every row in one transaction: all of them, in order, or none.</summary>
    protected abstract Task WriteAsync(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken);

    /// <summary>The rows of one log in append order: each payload with the number of ballots it holds.</summary>
    protected abstract Task<List<(byte[] Payload, int Count)>> ReadRowsAsync(string log, CancellationToken cancellationToken);
}
