namespace Blocktrack.Grains.Persistence;

/// <summary>One row of an append-only log: which log, and the row's serialized payload.</summary>
public readonly record struct LogRow(string Log, byte[] Payload);

/// <summary>
/// A storage-level group commit shared by every log of a process: rows that many activations append while a write
/// is in flight go to storage together in the next write (one transaction), so the cost of a commit is shared by
/// all of a silo's hot ballot shards instead of paid by each. Each caller's task completes only when the write
/// holding its rows is durable, and fails if that write fails (then none of that write's rows were stored).
/// Thread-safe. An append's rows are always in one write, in the order they were appended, so a log whose appends
/// never overlap (a ballot shard awaits each batch before the next) is stored in order. One writer runs while the rows
/// keep up; when a whole write's worth (<c>maxRows</c>) waits behind it, a second writer takes it alongside, so the
/// storage's commit waits overlap under a backlog (never more than <c>maxWriters</c>).
/// </summary>
public sealed class LogBatcher(Func<IReadOnlyList<LogRow>, CancellationToken, Task> write, int maxRows = 4096, int maxWriters = 2)
{
    private readonly object _gate = new();
    private List<(IReadOnlyList<LogRow> Rows, TaskCompletionSource Done)> _pending = [];
    private int _pendingRows;
    private int _writers;
    private int _largestWrite;
    private long _writes;

    /// <summary>Rows in the largest write so far (for the benchmark's figures and the tests).</summary>
    public int LargestWrite => Volatile.Read(ref _largestWrite);

    /// <summary>Writes issued so far.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>The most writes that were in flight at once so far.</summary>
    public int MostWriters { get; private set; }

    /// <summary>
    /// Appends <paramref name="rows"/> with the next write. Cancelling before the rows are queued queues nothing;
    /// once queued they are written whatever the token, since the write they share is other callers' too.
    /// </summary>
    public Task Append(IReadOnlyList<LogRow> rows, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled(cancellationToken);
        if (rows.Count == 0) return Task.CompletedTask;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _pending.Add((rows, done));
            _pendingRows += rows.Count;
            start = _writers == 0 || (_writers < maxWriters && _pendingRows >= maxRows);
            if (start) MostWriters = Math.Max(MostWriters, ++_writers);
        }
        // The writer runs on the thread pool, never inline in the caller's turn.
        if (start) _ = Task.Run(FlushLoop, CancellationToken.None);
        return done.Task;
    }

    private async Task FlushLoop()
    {
        while (true)
        {
            List<(IReadOnlyList<LogRow> Rows, TaskCompletionSource Done)> batch;
            int taken;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _writers--;
                    return;
                }
                batch = Take(out taken);
            }
            var rows = new List<LogRow>(taken);
            foreach (var (r, _) in batch) rows.AddRange(r);
            try
            {
                await write(rows, CancellationToken.None);
                Interlocked.Increment(ref _writes);
                lock (_gate) _largestWrite = Math.Max(_largestWrite, rows.Count);
                foreach (var (_, done) in batch) done.SetResult();
            }
            catch (Exception e)
            {
                foreach (var (_, done) in batch) done.SetException(e);
            }
        }
    }

    // Whole appends only, at least one, and no more than maxRows in all unless a single append is larger.
    private List<(IReadOnlyList<LogRow>, TaskCompletionSource)> Take(out int rows)
    {
        var count = 0;
        rows = 0;
        while (count < _pending.Count && (count == 0 || rows + _pending[count].Rows.Count <= maxRows)) rows += _pending[count++].Rows.Count;
        _pendingRows -= rows;
        if (count == _pending.Count)
        {
            var all = _pending;
            _pending = [];
            return all;
        }
        var taken = _pending[..count];
        _pending.RemoveRange(0, count);
        return taken;
    }
}
