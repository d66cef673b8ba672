using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class ReputationRulesTests
{
    private const long H = 90 * 86_400, T = 1_700_000_000;

    private static List<Checkpoint> Awarded(params (long At, long Amount)[] awards)
    {
        var history = new List<Checkpoint>();
        foreach (var (at, amount) in awards) ReputationRules.Award(history, at, amount, H);
        return history;
    }

    [Fact]
    public void One_half_life_after_an_award_reads_exactly_half_and_two_a_quarter()
    {
        var history = Awarded((T, 1000));

        Assert.Equal(1000, ReputationRules.ValueAt(history, T, H));
        Assert.Equal(500, ReputationRules.ValueAt(history, T + H, H));
        Assert.Equal(250, ReputationRules.ValueAt(history, T + 2 * H, H));
        Assert.Equal(0, ReputationRules.ValueAt(history, T - 1, H));
    }

    [Fact]
    public void Reputation_decays_monotonically_between_and_after_awards()
    {
        var history = Awarded((T, 5_000_000), (T + H / 3, 1_000_000));
        var last = BigInteger.Zero;
        for (var t = T + H / 3; t <= T + 3 * H; t += 3_607)
        {
            var value = ReputationRules.ValueAt(history, t, H);
            Assert.True(t == T + H / 3 || value <= last, $"rose at {t}");
            last = value;
        }
        Assert.True(last < 1_000_000);
    }

    [Fact]
    public void Several_awards_add_up_each_decayed_from_its_own_timepoint()
    {
        var history = Awarded((T, 1000), (T + H, 2000), (T + 2 * H, 400));

        // 1000/4 + 2000/2 + 400 at T+2H, then all halved once more.
        Assert.Equal(1650, ReputationRules.ValueAt(history, T + 2 * H, H));
        Assert.Equal(825, ReputationRules.ValueAt(history, T + 3 * H, H));
        Assert.Equal(2500, ReputationRules.ValueAt(history, T + H, H));
    }

    [Fact]
    public void Awards_at_any_timepoints_read_the_exact_sum_within_one_unit_per_award()
    {
        var random = new Random(3);
        var awards = new List<(long At, long Amount)>();
        var at = T;
        for (var i = 0; i < 40; i++)
        {
            at += random.NextInt64(0, H / 5);
            awards.Add((at, random.NextInt64(1, 1_000_000_000_000)));
        }
        var history = Awarded([.. awards]);
        foreach (var t in new[] { at, at + 1, at + H / 7, at + 2 * H + 5 })
        {
            var exact = awards.Sum(a => a.Amount * Math.Pow(2, -(double)(t - a.At) / H));
            var value = (double)ReputationRules.ValueAt(history, t, H);
            Assert.InRange(value, exact * (1 - 1e-12) - awards.Count, exact * (1 + 1e-12));
        }
    }

    [Fact]
    public void Awards_in_the_same_second_share_a_checkpoint()
    {
        var history = Awarded((T, 10), (T, 15));

        Assert.Equal([new Checkpoint(T, 25)], history);
    }

    [Fact]
    public void A_later_award_leaves_past_readings_as_they_were()
    {
        var history = Awarded((T, 1000));
        var before = ReputationRules.ValueAt(history, T + H / 2, H);

        ReputationRules.Award(history, T + H, 7000, H);

        Assert.Equal(before, ReputationRules.ValueAt(history, T + H / 2, H));
        Assert.Equal(7500, ReputationRules.ValueAt(history, T + H, H));
        Assert.Throws<InvalidOperationException>(() => ReputationRules.Award(history, T + H - 1, 1, H));
    }

    [Fact]
    public void A_domain_and_its_ancestors_all_gain()
    {
        Assert.Equal(["root/grants/devs", "root/grants", "root"], ReputationRules.DomainAndAncestors("root/grants/devs"));
        Assert.Equal(["root"], ReputationRules.DomainAndAncestors("root"));
    }

    [Fact]
    public void The_total_is_never_below_the_sum_of_the_holders_whatever_order_awards_arrive_in()
    {
        var random = new Random(5);
        var holders = Enumerable.Range(0, 30).Select(_ => new List<Checkpoint>()).ToList();
        var awards = new List<(long At, long Amount)>();
        var clocks = holders.Select(_ => T).ToArray();
        for (var i = 0; i < 400; i++)
        {
            var who = random.Next(holders.Count);
            clocks[who] += random.NextInt64(0, H / 4);
            var amount = random.NextInt64(1, 1_000_000) * (i % 3 == 0 ? 1 : 1_000_000_000_000);
            ReputationRules.Award(holders[who], clocks[who], amount, H);
            awards.Add((clocks[who], amount));
        }
        var totals = new List<Checkpoint>();
        foreach (var (at, amount) in awards.OrderBy(_ => random.Next())) ReputationRules.AddToTotal(totals, at, amount, H);

        Assert.Equal(awards.Select(a => a.At).Distinct().Count(), totals.Count);
        Assert.True(totals.Zip(totals.Skip(1)).All(p => p.First.Timepoint < p.Second.Timepoint));
        var end = clocks.Max() + H;
        for (var t = T - 1; t <= end; t += random.NextInt64(1, H / 10))
        {
            var sum = holders.Aggregate(BigInteger.Zero, (s, h) => s + ReputationRules.ValueAt(h, t, H));
            var total = ReputationRules.TotalAt(totals, t, H);
            Assert.True(total >= sum, $"total {total} < sum {sum} at {t}");
            // Rounding costs each holder at most a unit per award and a reading; the total gains at most a unit per
            // checkpoint it was built from, per award inserted before it and per reading.
            var bound = 2 * awards.Count + totals.Count + holders.Count + 1;
            Assert.True(total - sum <= bound, $"total {total} is {total - sum} above the sum at {t}");
        }
    }

    [Fact]
    public void An_award_inserted_before_later_totals_raises_them_by_its_decayed_amount()
    {
        var totals = new List<Checkpoint>();
        ReputationRules.AddToTotal(totals, T + 2 * H, 100, H);
        ReputationRules.AddToTotal(totals, T, 4000, H);

        Assert.Equal([new Checkpoint(T, 4000), new Checkpoint(T + 2 * H, 1100)], totals);
        Assert.Equal(550, ReputationRules.TotalAt(totals, T + 3 * H, H));
        Assert.Equal(0, ReputationRules.TotalAt(totals, T - 1, H));
    }

    [Theory]
    [InlineData("root", "vote:root/1", 0, GovernanceError.InvalidArgument)]
    [InlineData("root", "", 5, GovernanceError.InvalidArgument)]
    [InlineData("root", "a\nb", 5, GovernanceError.InvalidArgument)]
    [InlineData("Root", "manual:1", 5, GovernanceError.InvalidArgument)]
    [InlineData("root/proposals", "manual:1", 5, GovernanceError.InvalidArgument)]
    public void Bad_awards_are_refused(string domain, string cause, long amount, GovernanceError error)
    {
        var e = Assert.Throws<GovernanceException>(() => ReputationRules.ValidateAward(domain, cause, amount, T, T));
        Assert.Equal(error, e.Error);
    }

    [Fact]
    public void Awards_in_the_future_or_before_the_last_one_are_stale_timepoints()
    {
        ReputationRules.ValidateAward("root", "manual:1", 1, T + ReputationRules.FutureTolerance, T);
        var future = Assert.Throws<GovernanceException>(() =>
            ReputationRules.ValidateAward("root", "manual:1", 1, T + ReputationRules.FutureTolerance + 1, T));
        Assert.Equal(GovernanceError.StaleTimepoint, future.Error);
        var stale = Assert.Throws<GovernanceException>(() => ReputationRules.RequireForward(T - 1, "root", T));
        Assert.Equal(GovernanceError.StaleTimepoint, stale.Error);
        Assert.Contains("'root'", stale.Message);
        ReputationRules.RequireForward(T, "root", T);
    }
}
