namespace Blocktrack.Grains.Persistence;

/// <summary>
/// A storage-level group commit shared by every caller of a process: items submitted while a write is in flight go
/// to storage together in the next write, so one round trip (and one commit) serves them all. The write answers each
/// item in order; each caller's task completes with its own answer once the write holding its item is done, and fails
/// if that write fails. Thread-safe. Items are taken whole and in submission order, up to <c>maxWeight</c> per write
/// (at least one item). One writer runs while items keep up; when a whole write's worth waits behind it, another
/// writer takes it alongside, so the storage's waits overlap under a backlog (never more than <c>maxWriters</c>).
/// </summary>
public sealed class RoundTripBatcher<TItem, TResult>(
    Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write,
    Func<TItem, int> weight,
    int maxWeight,
    int maxWriters = 2)
{
    private readonly object _gate = new();
    private List<(TItem Item, TaskCompletionSource<TResult> Done)> _pending = [];
    private int _pendingWeight;
    private int _writers;
    private int _largestWrite;
    private long _writes;

    /// <summary>Weight of the largest write so far (for the benchmark's figures and the tests).</summary>
    public int LargestWrite => Volatile.Read(ref _largestWrite);

    /// <summary>Writes issued so far.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>The most writes that were in flight at once so far.</summary>
    public int MostWriters { get; private set; }

    public Task<TResult> Submit(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _pending.Add((item, done));
            _pendingWeight += weight(item);
            start = _writers == 0 || (_writers < maxWriters && _pendingWeight >= maxWeight);
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
            List<(TItem Item, TaskCompletionSource<TResult> Done)> batch;
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
            try
            {
                var results = await write(batch.ConvertAll(p => p.Item));
                if (results.Count != batch.Count)
                    throw new InvalidOperationException($"a write of {batch.Count} items was answered with {results.Count} results");
                Interlocked.Increment(ref _writes);
                lock (_gate) _largestWrite = Math.Max(_largestWrite, taken);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.SetResult(results[i]);
            }
            catch (Exception e)
            {
                foreach (var (_, done) in batch) done.SetException(e);
            }
        }
    }

    // Whole items only, at least one, and no more than maxWeight in all unless a single item weighs more.
    private List<(TItem, TaskCompletionSource<TResult>)> Take(out int taken)
    {
        var count = 0;
        taken = 0;
        while (count < _pending.Count && (count == 0 || taken + weight(_pending[count].Item) <= maxWeight))
            taken += weight(_pending[count++].Item);
        _pendingWeight -= taken;
        if (count == _pending.Count)
        {
            var all = _pending;
            _pending = [];
            return all;
        }
        var first = _pending[..count];
        _pending.RemoveRange(0, count);
        return first;
    }
}
