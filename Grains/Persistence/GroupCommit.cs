namespace Blocktrack.Grains.Persistence;

/// <summary>
/// Collects items submitted while a write is in flight and writes them as one batch (group commit).
/// Each submitter's task completes only when the batch holding its item is written. Not thread-safe:
/// meant for one grain activation, whose turns never run in parallel.
/// </summary>
public sealed class GroupCommit<T>(Func<IReadOnlyList<T>, Task> write, int maxBatch = 1024)
{
    private List<(T Item, TaskCompletionSource Done)> _pending = [];
    private Task? _flushing;

    public int Pending => _pending.Count;

    public Task Submit(T item)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Add((item, done));
        if (_flushing is not { IsCompleted: false }) _flushing = FlushLoop();
        return done.Task;
    }

    /// <summary>Completes when nothing is pending or being written.</summary>
    public Task WhenIdle() => _flushing ?? Task.CompletedTask;


    private async Task FlushLoop()
    {
        // Let the ballots already queued for this activation join the first batch.
        await Task.Yield();
        while (_pending.Count > 0)
        {
            var batch = _pending.Count <= maxBatch ? _pending : _pending[..maxBatch];
            _pending = _pending.Count <= maxBatch ? [] : _pending[maxBatch..];
            try
            {
                await write(batch.ConvertAll(p => p.Item));
                foreach (var (_, done) in batch) done.SetResult();
            }
            catch (Exception e)
            {
                foreach (var (_, done) in batch) done.SetException(e);
            }
        }
    }
}
