namespace Blocktrack.Grains.Persistence;

/// <summary>One row of an append-only log: which log, and the row's serialized payload.</summary>
public readonly record struct LogRow(string Log, byte[] Payload);

/// <summary>
/// A storage-level group commit shared by every log of a process: rows that many activations append while a write
/// is in flight go to storage together in the next write (one transaction), so the cost of a commit is shared by
/// all of a silo's hot ballot shards instead of paid by each. Each caller's task completes only when the write
/// holding its rows is durable, and fails if that write fails (then none of that write's rows were stored).
/// Thread-safe. Rows keep the order they were appended in, so a log whose appends never overlap (a ballot shard
/// awaits each batch before the next) is stored in order.
/// </summary>
public sealed class LogBatcher(Func<IReadOnlyList<LogRow>, CancellationToken, Task> write, int maxRows = 4096)
{
    private readonly object _gate = new();
    private List<(IReadOnlyList<LogRow> Rows, TaskCompletionSource Done)> _pending = [];
    private bool _flushing;

    /// <summary>Rows in the largest write so far (for the benchmark's figures and the tests).</summary>
    public int LargestWrite { get; private set; }

    /// <summary>Writes issued so far.</summary>
    public long Writes { get; private set; }

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
            start = !_flushing;
            _flushing = true;
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
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _flushing = false;
                    return;
                }
                batch = Take();
            }
            var rows = new List<LogRow>(batch.Sum(b => b.Rows.Count));
            foreach (var (r, _) in batch) rows.AddRange(r);
            try
            {
                await write(rows, CancellationToken.None);
                Writes++;
                LargestWrite = Math.Max(LargestWrite, rows.Count);
                foreach (var (_, done) in batch) done.SetResult();
            }
            catch (Exception e)
            {
                foreach (var (_, done) in batch) done.SetException(e);
            }
        }
    }

    // Whole appends only, at least one, and no more than maxRows in all unless a single append is larger.
    private List<(IReadOnlyList<LogRow>, TaskCompletionSource)> Take()
    {
        var count = 0;
        var rows = 0;
        while (count < _pending.Count && (count == 0 || rows + _pending[count].Rows.Count <= maxRows)) rows += _pending[count++].Rows.Count;
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
