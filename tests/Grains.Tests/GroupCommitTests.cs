using Blocktrack.Grains.Persistence;
using Blocktrack.Tests.Support;

namespace Blocktrack.Grains.Tests;

/// <summary>
/// A grain's group commit: what is submitted during a write goes in the next one, in order, at most maxBatch a write;
/// the submitters of one batch share its task; a failed write fails only its own batch. Driven on an exclusive scheduler,
/// as a grain activation's turns are.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class GroupCommitTests
{
    private static Task OnOneScheduler(Func<Task> body) =>
        Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.None,
            new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler).Unwrap();

    /// <summary>A write that records its items and, for the first <paramref name="held"/> writes, waits to be let go.</summary>
    private sealed class SlowWrite(int held, Func<int, bool>? fails = null)
    {
        public List<int[]> Written { get; } = [];
        public List<TaskCompletionSource> Gates { get; } = [.. Enumerable.Range(0, held).Select(_ => new TaskCompletionSource())];

        public async Task Write(IReadOnlyList<int> items)
        {
            var n = Written.Count;
            Written.Add([.. items]);
            if (n < Gates.Count) await Gates[n].Task;
            if (fails?.Invoke(n) == true) throw new IOException($"write {n} failed");
        }
    }

    [Fact]
    public Task Submissions_during_a_write_go_together_in_the_next_one_in_order_and_share_its_task() => OnOneScheduler(async () =>
    {
        var write = new SlowWrite(held: 1);
        var commits = new GroupCommit<int>(write.Write);
        var first = commits.Submit(0);
        while (write.Written.Count == 0) await Task.Yield();
        var queued = Enumerable.Range(1, 20).Select(commits.Submit).ToArray();
        Assert.Equal(20, commits.Pending);
        Assert.False(first.IsCompleted);

        write.Gates[0].SetResult();
        await Task.WhenAll([first, .. queued]);
        await commits.WhenIdle();

        Assert.Equal([[0], Enumerable.Range(1, 20).ToArray()], write.Written);
        _ = Assert.Single(queued.Distinct());
        Assert.NotSame(first, queued[0]);
        Assert.Equal(0, commits.Pending);
    });

    [Fact]
    public Task A_backlog_is_written_at_most_max_batch_at_a_time() => OnOneScheduler(async () =>
    {
        var write = new SlowWrite(held: 1);
        var commits = new GroupCommit<int>(write.Write, maxBatch: 3);
        var first = commits.Submit(0);
        while (write.Written.Count == 0) await Task.Yield();
        var queued = Enumerable.Range(1, 7).Select(commits.Submit).ToArray();

        write.Gates[0].SetResult();
        await Task.WhenAll([first, .. queued]);

        Assert.Equal([[0], [1, 2, 3], [4, 5, 6], [7]], write.Written);
        Assert.Equal(3, queued.Distinct().Count());
    });

    [Fact]
    public Task A_failed_write_fails_its_own_batch_only() => OnOneScheduler(async () =>
    {
        var write = new SlowWrite(held: 2, fails: n => n == 1);
        var commits = new GroupCommit<int>(write.Write, maxBatch: 2);
        var first = commits.Submit(0);
        while (write.Written.Count == 0) await Task.Yield();
        var doomed = new[] { commits.Submit(1), commits.Submit(2) };
        var after = commits.Submit(3);

        write.Gates[0].SetResult();
        await first;
        while (write.Written.Count < 2) await Task.Yield();
        write.Gates[1].SetResult();
        foreach (var d in doomed) Assert.Equal("write 1 failed", (await Assert.ThrowsAsync<IOException>(() => d)).Message);
        await after;
        await commits.WhenIdle();

        Assert.Equal([[0], [1, 2], [3]], write.Written);
        Assert.True(after.IsCompletedSuccessfully);
    });
}
