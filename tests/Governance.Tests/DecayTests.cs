using System.Numerics;
using Blocktrack.Grains.Governance;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class DecayTests
{
    private const long Day = 86_400, HalfLife = 90 * Day;
    private static readonly BigInteger Scale = BigInteger.One << Decay.FractionBits;
    private static readonly BigInteger Wei = BigInteger.Pow(10, 18);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(10, 1024)]
    public void Whole_half_lives_divide_exactly_by_powers_of_two(int halfLives, int divisor)
    {
        var value = 1_000_000 * Wei;

        Assert.Equal(value / divisor, Decay.Down(value, halfLives * HalfLife, HalfLife));
        Assert.Equal(value / divisor, Decay.Up(value, halfLives * HalfLife, HalfLife));
    }

    [Fact]
    public void One_half_life_of_an_odd_amount_rounds_down_and_up_around_the_exact_half()
    {
        Assert.Equal(500, Decay.Down(1001, HalfLife, HalfLife));
        Assert.Equal(501, Decay.Up(1001, HalfLife, HalfLife));
    }

    [Fact]
    public void No_time_no_decay() => Assert.Equal(12_345, Decay.Down(12_345, 0, HalfLife));

    [Fact]
    public void Half_a_half_life_is_one_over_root_two_bracketed_exactly()
    {
        var (low, high, shift) = Decay.Factor(HalfLife / 2, HalfLife);
        // (2^-1/2 · 2^128)² = 2^255, so low² ≤ 2^255 ≤ high², in integers.
        var target = BigInteger.One << (2 * Decay.FractionBits - 1);
        Assert.Equal(0, shift);
        Assert.True(low * low <= target && target <= high * high);
        Assert.True(high - low < 1 << 12, $"bounds {high - low} units of 2^-128 apart");
    }

    [Fact]
    public void A_quarter_half_life_is_the_fourth_root_of_a_half()
    {
        var (low, high, _) = Decay.Factor(HalfLife / 4, HalfLife);
        var target = BigInteger.One << (4 * Decay.FractionBits - 1);
        Assert.True(BigInteger.Pow(low, 4) <= target && target <= BigInteger.Pow(high, 4));
    }

    [Fact]
    public void The_factor_bounds_hold_the_exact_factor_within_two_to_the_minus_118()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var halfLife = random.NextInt64(1, 400 * Day);
            var elapsed = random.NextInt64(0, 20 * halfLife);
            var (low, high, shift) = Decay.Factor(elapsed, halfLife);
            Assert.True(low <= high && high <= Scale && low.Sign > 0);
            Assert.True(high - low <= BigInteger.One << 10, $"elapsed {elapsed}, half-life {halfLife}: {high - low}");
            // An independent estimate (double) agrees to its own precision.
            var exact = Math.Pow(2, -(double)elapsed / halfLife);
            var approximate = (double)low / (double)Scale * Math.Pow(2, -shift);
            Assert.InRange(approximate, exact * (1 - 1e-12), exact * (1 + 1e-12));
        }
    }

    [Fact]
    public void Decay_never_rises_from_one_second_to_the_next()
    {
        var value = 987_654_321 * Wei;
        var starts = new long[] { 0, HalfLife / 3, HalfLife - 500, 7 * HalfLife + 12_345 };
        foreach (var start in starts)
        {
            BigInteger lastDown = Decay.Down(value, start, HalfLife), lastUp = Decay.Up(value, start, HalfLife);
            for (var t = start + 1; t <= start + 2_000; t++)
            {
                var (down, up) = (Decay.Down(value, t, HalfLife), Decay.Up(value, t, HalfLife));
                Assert.True(down <= lastDown && up <= lastUp, $"rose at {t}");
                Assert.True(down <= up && up - down <= 2, $"bounds {down}..{up} at {t}");
                (lastDown, lastUp) = (down, up);
            }
            Assert.True(lastDown < Decay.Down(value, start, HalfLife), "2,000 seconds of a 90-day half-life take something away");
        }
    }

    [Fact]
    public void Down_and_up_bracket_an_independent_estimate()
    {
        var random = new Random(11);
        for (var i = 0; i < 1_000; i++)
        {
            var value = new BigInteger(random.NextInt64(1, long.MaxValue)) * random.Next(1, 1_000_000);
            var elapsed = random.NextInt64(0, 30 * HalfLife);
            var exact = (double)value * Math.Pow(2, -(double)elapsed / HalfLife);
            var (down, up) = (Decay.Down(value, elapsed, HalfLife), Decay.Up(value, elapsed, HalfLife));
            Assert.True(down <= up && up - down <= 2);
            Assert.InRange((double)down, exact * (1 - 1e-12) - 1, exact * (1 + 1e-12));
        }
    }

    [Fact]
    public void After_very_long_the_value_is_gone_and_its_upper_bound_is_one_unit()
    {
        Assert.Equal(BigInteger.Zero, Decay.Down(Wei, 10_000 * HalfLife, HalfLife));
        Assert.Equal(BigInteger.One, Decay.Up(Wei, 10_000 * HalfLife, HalfLife));
        Assert.Equal(BigInteger.Zero, Decay.Up(BigInteger.Zero, 10_000 * HalfLife, HalfLife));
    }

    [Fact]
    public void Time_runs_forward_and_the_half_life_is_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Decay.Down(1, -1, HalfLife));
        Assert.Throws<ArgumentOutOfRangeException>(() => Decay.Up(1, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Decay.Down(-1, 1, HalfLife));
    }
}
