using Blocktrack.Grains.Persistence;
using Blocktrack.Tests.Support;

namespace Blocktrack.Grains.Tests;

/// <summary>The process-wide group commit of the ballot logs: shared writes, kept order, all-or-nothing failures.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class LogBatcherTests
{
    [Fact]
    public async Task Appends_made_during_a_write_go_together_in_the_next_one_in_append_order()
    {
        var written = new List<List<LogRow>>();
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var batcher = new LogBatcher(async (rows, _) =>
        {
            if (written.Count == 0)
            {
                started.SetResult();
                await release.Task; // the first write is slow: everything else queues behind it
            }
            written.Add([.. rows]);
        });
        var first = batcher.Append([Row("a", 0)]);
        await started.Task;
        var queued = Enumerable.Range(1, 20).Select(i => batcher.Append([Row(i % 2 == 0 ? "a" : "b", i), Row("c", i)])).ToArray();
        Assert.False(first.IsCompleted);
        release.SetResult();
        await Task.WhenAll([first, .. queued]);

        Assert.Equal(2, written.Count);
        Assert.Equal([0], written[0].Select(r => (int)r.Payload[0]));
        // 40 rows, in the order they were appended.
        Assert.Equal(Enumerable.Range(1, 20).SelectMany(i => new[] { i, i }), written[1].Select(r => (int)r.Payload[0]));
        Assert.Equal(40, batcher.LargestWrite);
    }

    [Fact]
    public async Task A_failed_write_fails_every_append_in_it()
    {
        var calls = 0;
        var batcher = new LogBatcher((_, _) => ++calls == 1 ? Task.FromException(new IOException("disk gone")) : Task.CompletedTask);
        var failed = batcher.Append([Row("a", 0)]);
        await Assert.ThrowsAsync<IOException>(() => failed);
        // The writer carries on: the next append is written on its own.
        await batcher.Append([Row("a", 1)]);
        Assert.Equal(1, batcher.Writes);
    }

    [Fact]
    public async Task A_write_holds_whole_appends_up_to_the_entry_limit()
    {
        var (batcher, sizes, started, gate) = FirstWriteGated(maxEntries: 10);
        var first = batcher.Append([Row("a", 0)]);
        await started;
        var rest = Enumerable.Range(0, 6).Select(i => batcher.Append([.. Enumerable.Range(0, 4).Select(k => Row("b", k))])).ToArray();
        var large = batcher.Append([.. Enumerable.Range(0, 25).Select(k => Row("c", k))]);
        gate.SetResult();
        await Task.WhenAll([first, large, .. rest]);

        // 1, then appends of 4 rows two at a time (8 ≤ 10), then the 25-row append alone: never split.
        Assert.Equal([1, 8, 8, 8, 25], sizes);
    }

    [Fact]
    public async Task A_write_is_sized_in_entries_so_rows_holding_many_count_as_many()
    {
        var (batcher, sizes, started, gate) = FirstWriteGated(maxEntries: 10);
        var first = batcher.Append([Row("a", 0)]);
        await started;
        // Three one-row appends of 6 entries each: one a write, though each is a single row.
        var rest = Enumerable.Range(1, 3).Select(i => batcher.Append([new LogRow("b", [(byte)i], Entries: 6)])).ToArray();
        gate.SetResult();
        await Task.WhenAll([first, .. rest]);

        Assert.Equal([1, 6, 6, 6], sizes);
        Assert.Equal(6, batcher.LargestWrite);
    }

    [Fact]
    public async Task A_second_writer_takes_a_full_write_waiting_behind_the_first_and_never_a_third()
    {
        var inFlight = 0;
        var most = 0;
        var writes = new System.Collections.Concurrent.ConcurrentBag<int[]>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var one = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var two = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batcher = new LogBatcher(async (rows, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            (now == 1 ? one : two).TrySetResult();
            await gate.Task;
            writes.Add([.. rows.Select(r => (int)r.Payload[0])]);
            Interlocked.Decrement(ref inFlight);
        }, maxEntries: 8);
        var first = batcher.Append([Row("a", 0)]);
        await one.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Six rows waiting behind the first write: less than a write's worth, so they wait.
        var waiting = Enumerable.Range(0, 3).Select(i => batcher.Append([Row("b", 1 + 2 * i), Row("b", 2 + 2 * i)])).ToList();
        Assert.Equal(1, batcher.MostWriters);
        // Eight: a second writer takes them alongside.
        waiting.Add(batcher.Append([Row("c", 7), Row("c", 8)]));
        await two.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // More than a write's worth again behind two writers: no third.
        waiting.AddRange(Enumerable.Range(9, 12).Select(i => batcher.Append([Row("d", i)])));
        Assert.Equal(2, batcher.MostWriters);
        gate.SetResult();
        await Task.WhenAll([first, .. waiting]);

        Assert.Equal(2, most);
        Assert.Equal(Enumerable.Range(0, 21), writes.SelectMany(w => w).Order());
        // Every append's rows in one write, in their order.
        foreach (var pair in Enumerable.Range(0, 4).Select(i => (1 + 2 * i, 2 + 2 * i)))
            Assert.Single(writes, w => w.Contains(pair.Item1) && Array.IndexOf(w, pair.Item2) == Array.IndexOf(w, pair.Item1) + 1);
    }

    [Fact]
    public async Task Cancelled_before_queueing_queues_nothing()
    {
        var batcher = new LogBatcher((_, _) => Task.CompletedTask);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batcher.Append([Row("a", 0)], new CancellationToken(canceled: true)));
        await batcher.Append([]);
        Assert.Equal(0, batcher.Writes);
    }

    private static LogRow Row(string log, int value) => new(log, [(byte)value]);

    /// <summary>One writer whose first write waits for the gate; every write's entries are recorded in order.</summary>
    private static (LogBatcher, List<int> Sizes, Task Started, TaskCompletionSource Gate) FirstWriteGated(int maxEntries)
    {
        var sizes = new List<int>();
        var started = new TaskCompletionSource();
        var gate = new TaskCompletionSource();
        var batcher = new LogBatcher(async (rows, _) =>
        {
            if (sizes.Count == 0)
            {
                started.SetResult();
                await gate.Task;
            }
            sizes.Add(rows.Sum(r => r.Entries));
        }, maxEntries, maxWriters: 1);
        return (batcher, sizes, started.Task, gate);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
