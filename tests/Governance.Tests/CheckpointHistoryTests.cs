using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.State;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class CheckpointHistoryTests
{
    private static List<Checkpoint> History() => [new(100, 10), new(200, 25), new(300, 5)];

    [Theory]
    [InlineData(99, 0)]
    [InlineData(100, 10)]
    [InlineData(150, 10)]
    [InlineData(199, 10)]
    [InlineData(200, 25)]
    [InlineData(299, 25)]
    [InlineData(300, 5)]
    [InlineData(long.MaxValue, 5)]
    public void ValueAt_is_the_last_checkpoint_at_or_before_the_timepoint(long timepoint, int expected) =>
        Assert.Equal(new BigInteger(expected), CheckpointHistory.ValueAt(History(), timepoint));

    [Fact]
    public void ValueAt_of_an_empty_history_is_zero() =>
        Assert.Equal(BigInteger.Zero, CheckpointHistory.ValueAt([], 1_000));

    [Fact]
    public void Latest_is_the_last_value_or_zero()
    {
        Assert.Equal(new BigInteger(5), CheckpointHistory.Latest(History()));
        Assert.Equal(BigInteger.Zero, CheckpointHistory.Latest([]));
    }

    [Fact]
    public void In_order_deltas_append_running_totals()
    {
        var h = new List<Checkpoint>();
        CheckpointHistory.AddDelta(h, 100, 10);
        CheckpointHistory.AddDelta(h, 200, 15);
        CheckpointHistory.AddDelta(h, 300, -20);
        Assert.Equal<Checkpoint>([new(100, 10), new(200, 25), new(300, 5)], h);
    }

    [Fact]
    public void A_delta_at_an_existing_timepoint_merges_into_it_and_moves_later_ones()
    {
        var h = History();
        CheckpointHistory.AddDelta(h, 200, 7);
        Assert.Equal<Checkpoint>([new(100, 10), new(200, 32), new(300, 12)], h);
    }

    [Fact]
    public void An_out_of_order_delta_inserts_a_checkpoint_and_moves_every_later_one()
    {
        var h = History();
        CheckpointHistory.AddDelta(h, 150, 4);
        Assert.Equal<Checkpoint>([new(100, 10), new(150, 14), new(200, 29), new(300, 9)], h);
    }

    [Fact]
    public void A_delta_before_the_first_checkpoint_starts_from_zero_and_moves_all()
    {
        var h = History();
        CheckpointHistory.AddDelta(h, 50, 3);
        Assert.Equal<Checkpoint>([new(50, 3), new(100, 13), new(200, 28), new(300, 8)], h);
    }

    [Fact]
    public void An_out_of_order_delta_leaves_earlier_timepoints_unchanged()
    {
        var h = History();
        CheckpointHistory.AddDelta(h, 250, 100);
        Assert.Equal(new BigInteger(25), CheckpointHistory.ValueAt(h, 249));
        Assert.Equal(new BigInteger(125), CheckpointHistory.ValueAt(h, 250));
        Assert.Equal(new BigInteger(105), CheckpointHistory.ValueAt(h, 300));
    }

    [Fact]
    public void A_zero_delta_changes_nothing()
    {
        var h = History();
        CheckpointHistory.AddDelta(h, 150, 0);
        Assert.Equal(History(), h);
    }

    [Fact]
    public void Deltas_in_any_order_give_the_same_history()
    {
        (long At, int Delta)[] deltas = [(100, 10), (200, 15), (300, -20), (150, 4), (50, 3)];
        var forward = new List<Checkpoint>();
        foreach (var (at, d) in deltas.OrderBy(x => x.At)) CheckpointHistory.AddDelta(forward, at, d);
        var arrival = new List<Checkpoint>();
        foreach (var (at, d) in deltas) CheckpointHistory.AddDelta(arrival, at, d);
        Assert.Equal(forward, arrival);
    }

    [Fact]
    public void A_delta_that_would_take_the_latest_value_below_zero_is_refused()
    {
        var h = History();
        Assert.Throws<InvalidOperationException>(() => CheckpointHistory.AddDelta(h, 400, -6));
        Assert.Equal(History(), h);
    }

    [Fact]
    public void Going_exactly_to_zero_is_allowed()
    {
        var h = History();
        CheckpointHistory.AddDelta(h, 400, -5);
        Assert.Equal(new Checkpoint(400, 0), h[^1]);
    }

    [Fact]
    public void An_out_of_order_delta_that_would_take_a_later_checkpoint_below_zero_is_refused_and_changes_nothing()
    {
        // 250 → 25 - 6 = 19 is fine, but 300 → 5 - 6 = -1 is not: the whole delta must be refused.
        var h = History();
        Assert.Throws<InvalidOperationException>(() => CheckpointHistory.AddDelta(h, 250, -6));
        Assert.Equal(History(), h);
    }

    [Fact]
    public void A_refused_delta_before_the_first_checkpoint_leaves_no_checkpoint_behind()
    {
        var h = History();
        Assert.Throws<InvalidOperationException>(() => CheckpointHistory.AddDelta(h, 50, -1));
        Assert.Equal(History(), h);
    }

    [Fact]
    public void Retrying_a_refused_delta_still_changes_nothing()
    {
        // Grains retry a failed adjustment; a refusal that left partial changes would compound on each retry.
        var h = History();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Throws<InvalidOperationException>(() => CheckpointHistory.AddDelta(h, 250, -6));
        }
        Assert.Equal(new BigInteger(25), CheckpointHistory.ValueAt(h, 250));
    }
}
