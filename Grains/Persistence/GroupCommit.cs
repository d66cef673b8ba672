namespace Blocktrack.Grains.Persistence;

/// <summary>
/// Collects items submitted while a write is in flight and writes them as one batch (group commit).
/// Each submitter's task completes only when the batch holding its item is written; the submitters of one batch share
/// one task (a task a batch, not one a ballot). Not thread-safe: meant for one grain activation, whose turns never run
/// in parallel.
/// </summary>
public sealed class GroupCommit<T>(Func<IReadOnlyList<T>, Task> write, int maxBatch = 1024)
{
    // Batches not yet handed to the write, oldest first; only the last takes new items, until it holds maxBatch.
    private readonly Queue<Batch> _waiting = new();
    private Batch? _open;
    private Task? _flushing;
    private int _pending;

    private sealed class Batch
    {
        public List<T> Items { get; } = [];
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public int Pending => _pending;

    public Task Submit(T item)
    {
        if (_open is null || _open.Items.Count >= maxBatch)
        {
            _open = new Batch();
            _waiting.Enqueue(_open);
        }
        _open.Items.Add(item);
        _pending++;
        var done = _open.Done.Task;
        if (_flushing is not { IsCompleted: false }) _flushing = FlushLoop();
        return done;
    }

    /// <summary>Completes when nothing is pending or being written.</summary>
    public Task WhenIdle() => _flushing ?? Task.CompletedTask;

    private async Task FlushLoop()
    {
        // Let the items already queued for this activation join the first batch.
        await Task.Yield();
        while (_waiting.TryDequeue(out var batch))
        {
            if (ReferenceEquals(batch, _open)) _open = null;
            _pending -= batch.Items.Count;
            try
            {
                await write(batch.Items);
                batch.Done.SetResult();
            }
            catch (Exception e)
            {
                batch.Done.TrySetException(e);
            }
        }
    }
}

/// <summary>
/// Group commit whose write answers each item (say, the log entry it became): the write returns one result per item, in
/// order, and each submitter gets its own. A failed write fails every item of its batch.
/// </summary>
public sealed class GroupCommit<T, TResult>(Func<IReadOnlyList<T>, Task<IReadOnlyList<TResult>>> write, int maxBatch = 1024)
{
    private List<(T Item, TaskCompletionSource<TResult> Done)> _pending = [];
    private Task? _flushing;

    public int Pending => _pending.Count;

    public Task<TResult> Submit(T item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Add((item, done));
        if (_flushing is not { IsCompleted: false }) _flushing = FlushLoop();
        return done.Task;
    }

    /// <summary>Completes when nothing is pending or being written.</summary>
    public Task WhenIdle() => _flushing ?? Task.CompletedTask;

    private async Task FlushLoop()
    {
        // Let the items already queued for this activation join the first batch.
        await Task.Yield();
        while (_pending.Count > 0)
        {
            var batch = _pending.Count <= maxBatch ? _pending : _pending[..maxBatch];
            _pending = _pending.Count <= maxBatch ? [] : _pending[maxBatch..];
            try
            {
                var results = await write(batch.ConvertAll(p => p.Item));
                if (results.Count != batch.Count)
                    throw new InvalidOperationException($"a batch of {batch.Count} was answered with {results.Count} results");
                for (var i = 0; i < batch.Count; i++) batch[i].Done.SetResult(results[i]);
            }
            catch (Exception e)
            {
                foreach (var (_, done) in batch) done.TrySetException(e);
            }
        }
    }
}
