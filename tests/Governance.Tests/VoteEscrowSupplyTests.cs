using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;
using static Blocktrack.Grains.Governance.VoteEscrowRules;

namespace Blocktrack.Governance.Tests;

/// <summary>The escrow's supply from points and slopes ending per week: exactly the sum of the owners' powers, at any time.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class VoteEscrowSupplyTests
{
    private const long W = 1_699_488_000;

    private sealed class Supply
    {
        public List<EscrowSupplyPoint> Points { get; } = [];
        public Dictionary<long, BigInteger> Slopes { get; } = [];
        public bool Apply(EscrowSupplyChange c) => VoteEscrowSupply.Apply(Points, Slopes, c);
        public BigInteger At(long t) => VoteEscrowSupply.At(Points, Slopes, t);
    }

    [Fact]
    public void Two_locks_fall_linearly_and_each_slope_stops_at_its_unlock_week()
    {
        var s = new Supply();
        var a = new EscrowLock(10 * new BigInteger(MaxTime), W + 2 * Week); // slope 10
        var b = new EscrowLock(3 * new BigInteger(MaxTime) + 7, W + 5 * Week); // slope 3
        Assert.True(s.Apply(new(1, 0, W, EscrowLock.None, a)));
        Assert.True(s.Apply(new(1, 1, W, EscrowLock.None, b)));
        Assert.Equal(BigInteger.Zero, s.At(W - 1));
        Assert.Equal(10 * 2 * Week + 3 * 5 * Week, s.At(W));
        Assert.Equal(10 * (2 * Week - 1) + 3 * (5 * Week - 1), s.At(W + 1));
        Assert.Equal(10 + 3 * (3 * Week + 1), s.At(W + 2 * Week - 1));
        Assert.Equal(3 * 3 * Week, s.At(W + 2 * Week));
        Assert.Equal(3 * (3 * Week - 1), s.At(W + 2 * Week + 1));
        Assert.Equal(BigInteger.Zero, s.At(W + 5 * Week));
        Assert.Equal(BigInteger.Zero, s.At(long.MaxValue / 2));
        Assert.Equal(new Dictionary<long, BigInteger> { [W + 2 * Week] = 10, [W + 5 * Week] = 3 }, s.Slopes);
    }

    [Fact]
    public void Changing_a_lock_moves_its_slope_to_the_new_week_and_an_expired_lock_changes_nothing()
    {
        var s = new Supply();
        var a = new EscrowLock(10 * new BigInteger(MaxTime), W + 2 * Week);
        var later = a with { UnlockTime = W + 6 * Week };
        s.Apply(new(1, 0, W, EscrowLock.None, a));
        s.Apply(new(2, 0, W + Week, a, later));
        Assert.Equal(new Dictionary<long, BigInteger> { [W + 6 * Week] = 10 }, s.Slopes);
        Assert.Equal(10 * 5 * Week, s.At(W + Week));
        Assert.Equal(10 * 4 * Week, s.At(W + 2 * Week)); // the old unlock: the slope runs on to the new one
        s.Apply(new(3, 0, W + 7 * Week, later, EscrowLock.None)); // withdrawn after expiry
        // The slope that ended in week 6 stays: reading a past total walks over it.
        Assert.Equal(new Dictionary<long, BigInteger> { [W + 6 * Week] = 10 }, s.Slopes);
        Assert.Equal(3, s.Points.Count);
        Assert.Equal(BigInteger.Zero, s.At(W + 7 * Week));
        Assert.Equal(10 * 3 * Week, s.At(W + 3 * Week));
    }

    [Fact]
    public void A_change_applies_once_and_one_taking_out_an_unknown_lock_is_refused_without_a_trace()
    {
        var s = new Supply();
        var a = new EscrowLock(10 * new BigInteger(MaxTime), W + 2 * Week);
        var change = new EscrowSupplyChange(5, 1, W, EscrowLock.None, a);
        Assert.True(s.Apply(change));
        Assert.False(s.Apply(change));
        Assert.False(s.Apply(change with { Block = 4 }));
        Assert.Single(s.Points);
        var ghost = new EscrowLock(99 * new BigInteger(MaxTime), W + 3 * Week);
        Assert.Throws<InvalidOperationException>(() => s.Apply(new(6, 0, W + 10, ghost, EscrowLock.None)));
        Assert.Throws<InvalidOperationException>(() => s.Apply(new(6, 0, W - 10, EscrowLock.None, a)));
        Assert.Single(s.Points);
        Assert.Equal(new Dictionary<long, BigInteger> { [W + 2 * Week] = 10 }, s.Slopes);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Supply_equals_the_sum_of_every_owners_power_at_any_time_and_survives_rollbacks(int seed)
    {
        var random = new Random(seed);
        var owners = Enumerable.Range(0, 6).Select(i => new List<EscrowLockChange>()).ToArray();
        var supply = new Supply();
        var now = W + random.Next(0, (int)Week);
        long block = 1;
        var samples = new List<long>();
        for (var step = 0; step < 600; step++)
        {
            // Mostly days apart, sometimes the same second, sometimes a year: weeks with slope changes are crossed.
            now += random.Next(10) switch
            {
                0 => 0, 1 => random.Next(400) * 86_400, < 5 => random.Next(1, 3_600), _ => random.Next(86_400 * 9),
            };
            block++;
            var o = random.Next(owners.Length);
            var current = LockAt(owners[o], now);
            var op = (EscrowOperation)random.Next(4);
            var amount = random.Next(3) == 0
                ? new BigInteger(random.Next(1, 1_000_000_000))
                : new BigInteger(random.NextInt64(1, long.MaxValue)) * 1_000;
            var unlock = now + random.NextInt64(-Week, MaxTime + 2 * Week);
            if (Check(op, current, amount, Math.Max(0, unlock), now) != EscrowRefusal.None) continue;
            var next = VoteEscrowRules.Apply(op, current, amount, Math.Max(0, unlock), now);
            var change = new EscrowLockChange(block, 0, now, next);
            ApplyLocks(owners[o], [change], out _);
            Assert.True(supply.Apply(new EscrowSupplyChange(block, 0, now, current, next)));
            samples.AddRange([now - 1, now, RoundToWeek(now) + Week, now + random.Next((int)MaxTime)]);
        }
        Assert.True(supply.Points.Count > 150, $"only {supply.Points.Count} changes were accepted");
        AssertSumOfPowers(owners, supply, samples);

        // A reorg takes the newest third back: the rest is what a supply built from the surviving changes holds.
        var fork = supply.Points[supply.Points.Count * 2 / 3].Change.Block;
        Assert.True(VoteEscrowSupply.RollbackFrom(supply.Points, supply.Slopes, fork) > 0);
        foreach (var history in owners) RollbackLocks(history, fork);
        var rebuilt = new Supply();
        foreach (var p in supply.Points) rebuilt.Apply(p.Change);
        Assert.Equal(rebuilt.Points, supply.Points);
        Assert.Equal(rebuilt.Slopes.OrderBy(k => k.Key), supply.Slopes.OrderBy(k => k.Key));
        AssertSumOfPowers(owners, supply, samples);
    }

    private static void AssertSumOfPowers(List<EscrowLockChange>[] owners, Supply supply, IEnumerable<long> samples)
    {
        foreach (var t in samples.Where(t => t >= 0))
        {
            var sum = owners.Aggregate(BigInteger.Zero, (total, history) => total + PowerAt(history, t));
            Assert.True(sum == supply.At(t), $"at {t}: sum of powers {sum}, supply {supply.At(t)}");
        }
    }
}
