namespace Blocktrack.Grains.Persistence;

/// <summary>
/// Collects items submitted while a write is in flight and writes them as one batch (group commit).
/// Each submitter's task completes only when the batch holding its item is written. Not thread-safe:
/// meant for one grain activation, whose turns never run in parallel.
/// </summary>
public sealed class GroupCommit<T>(Func<IReadOnlyList<T>, Task> write, int maxBatch = 1024)
{
    private readonly GroupCommit<T, bool> _batches = new(async items =>
    {
        await write(items);
        return new bool[items.Count];
    }, maxBatch);

    public int Pending => _batches.Pending;

    public Task Submit(T item) => _batches.Submit(item);

    /// <summary>Completes when nothing is pending or being written.</summary>
    public Task WhenIdle() => _batches.WhenIdle();
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
