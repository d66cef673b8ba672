namespace Blocktrack.Grains.Persistence;

/// <summary>
/// One row of an append-only log: which log, the row's serialized payload, and how many entries (ballots) that payload
/// holds, which is what a write's size is counted in.
/// </summary>
public readonly record struct LogRow(string Log, byte[] Payload, int Entries = 1);

/// <summary>
/// A storage-level group commit shared by every log of a process: rows that many activations append while a write
/// is in flight go to storage together in the next write (one transaction), so the cost of a commit is shared by
/// all of a silo's hot ballot shards instead of paid by each. Each caller's task completes only when the write
/// holding its rows is durable, and fails if that write fails (then none of that write's rows were stored).
/// Thread-safe. An append's rows are always in one write, in the order they were appended, so a log whose appends
/// never overlap (a ballot shard awaits each batch before the next) is stored in order. One writer runs while the rows
/// keep up; when a whole write's worth (<c>maxEntries</c>) waits behind it, a second writer takes it alongside, so the
/// storage's commit waits overlap under a backlog (never more than <c>maxWriters</c>): a <see cref="RoundTripBatcher{TItem, TResult}"/>
/// whose items are appends, weighed by their rows' entries.
/// </summary>
public sealed class LogBatcher(Func<IReadOnlyList<LogRow>, CancellationToken, Task> write, int maxEntries = 4096, int maxWriters = 2)
{
    private readonly RoundTripBatcher<IReadOnlyList<LogRow>, bool> _writes = new(async appends =>
    {
        var rows = new List<LogRow>(appends.Sum(a => a.Count));
        foreach (var append in appends) rows.AddRange(append);
        await write(rows, CancellationToken.None);
        return new bool[appends.Count];
    }, Entries, maxEntries, maxWriters);

    /// <summary>Entries in the largest write so far (for the benchmark's figures and the tests).</summary>
    public int LargestWrite => _writes.LargestWrite;

    /// <summary>Writes issued so far.</summary>
    public long Writes => _writes.Writes;

    /// <summary>The most writes that were in flight at once so far.</summary>
    public int MostWriters => _writes.MostWriters;

    /// <summary>
    /// Appends <paramref name="rows"/> with the next write. Cancelling before the rows are queued queues nothing;
    /// once queued they are written whatever the token, since the write they share is other callers' too.
    /// </summary>
    public Task Append(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled(cancellationToken);
        return rows.Count == 0 ? Task.CompletedTask : _writes.Submit(rows);
    }

    private static int Entries(IReadOnlyList<LogRow> rows)
    {
        var entries = 0;
        foreach (var row in rows) entries += row.Entries;
        return entries;
    }
}
