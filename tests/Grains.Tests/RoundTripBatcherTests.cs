using Blocktrack.Grains.Persistence;
using Blocktrack.Tests.Support;

namespace Blocktrack.Grains.Tests;

/// <summary>The process-wide round trip of grain storage: each item gets its own answer from the write that carried it.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class RoundTripBatcherTests
{
    [Fact]
    public async Task Items_queued_behind_a_write_go_together_and_each_gets_its_own_answer()
    {
        var trips = new List<int[]>();
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var batcher = new RoundTripBatcher<int, string>(async items =>
        {
            if (trips.Count == 0)
            {
                started.SetResult();
                await release.Task;
            }
            trips.Add([.. items]);
            return items.Select(i => $"answer {i}").ToList();
        }, _ => 1, maxWeight: 8);

        var first = batcher.Submit(0);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var queued = Enumerable.Range(1, 7).Select(batcher.Submit).ToArray();
        release.SetResult();

        Assert.Equal("answer 0", await first.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"answer {i}"), await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([[0], [1, 2, 3, 4, 5, 6, 7]], trips);
        Assert.Equal((2L, 7), (batcher.Writes, batcher.LargestWrite));
    }

    [Fact]
    public async Task A_write_that_answers_the_wrong_number_of_items_fails_them_all()
    {
        var batcher = new RoundTripBatcher<int, int>(
            items => Task.FromResult<IReadOnlyList<int>>([.. items.Skip(1)]), _ => 1, maxWeight: 8);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.Submit(1).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("answered with 0 results", error.Message);
        Assert.Equal(0, batcher.Writes);
    }
}
