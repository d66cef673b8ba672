using System.Numerics;
using Blocktrack.Grains.Governance.Analytics;

namespace Blocktrack.Governance.Tests.Analytics;

/// <summary>Gini, Nakamoto and HHI on examples worked by hand, and the incremental distribution against the plain formulas.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class ConcentrationTests
{
    private static BigInteger[] Of(params long[] values) => [.. values.Select(v => new BigInteger(v))];

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(100)]
    public void Equal_holdings_have_a_gini_of_zero_and_an_hhi_of_one_over_n(int n)
    {
        var holdings = Enumerable.Repeat(new BigInteger(7), n).ToArray();
        Assert.Equal(0m, Concentration.Gini(holdings));
        Assert.Equal(Math.Round(1m / n, Ratio.Scale, MidpointRounding.AwayFromZero), Concentration.Hhi(holdings));
    }

    [Theory]
    [InlineData(2, "0.5")]
    [InlineData(4, "0.75")]
    [InlineData(3, "0.666666667")] // 1 − 1/3 rounded half away from zero at the ninth place
    [InlineData(10, "0.9")]
    public void One_holder_among_n_has_a_gini_of_one_minus_one_over_n_and_an_hhi_of_one(int n, string gini)
    {
        var holdings = new BigInteger[n];
        holdings[0] = 1_000;
        Assert.Equal(decimal.Parse(gini, System.Globalization.CultureInfo.InvariantCulture), Concentration.Gini(holdings));
        Assert.Equal(1m, Concentration.Hhi(holdings));
        Assert.Equal(1, Concentration.Nakamoto(holdings));
    }

    [Fact]
    public void Gini_of_one_two_three_by_hand()
    {
        // Sorted 1, 2, 3: W = 1·1 + 2·2 + 3·3 = 14, S = 6, n = 3: (2·14 − 4·6) / (3·6) = 4/18 = 0.2222…
        Assert.Equal(0.222222222m, Concentration.Gini(Of(3, 1, 2)));
        // Mean absolute difference: (|1−2| + |1−3| + |2−3|)·2 / (2·n²·mean) = 8 / 36, the same.
    }

    [Theory]
    [InlineData(new long[] { 5, 5, 5 }, 2)] // 5 is a third, 10 is two thirds: more than half
    [InlineData(new long[] { 50, 50 }, 2)] // exactly half is not more than half
    [InlineData(new long[] { 51, 49 }, 1)]
    [InlineData(new long[] { 10, 10, 10, 10 }, 3)]
    [InlineData(new long[] { 40, 30, 20, 10 }, 2)]
    [InlineData(new long[] { }, 0)]
    public void Nakamoto_is_the_fewest_holders_with_more_than_half(long[] holdings, int expected) =>
        Assert.Equal(expected, Concentration.Nakamoto(Of(holdings)));

    [Fact]
    public void Hhi_by_hand()
    {
        // Shares 0.5, 0.3, 0.2: 0.25 + 0.09 + 0.04 = 0.38, 3,800 points.
        var hhi = Concentration.Hhi(Of(50, 30, 20));
        Assert.Equal(0.38m, hhi);
        Assert.Equal(3_800m, Concentration.HhiPoints(hhi));
    }

    [Fact]
    public void Token_amounts_with_eighteen_decimals_stay_exact()
    {
        var wei = BigInteger.Pow(10, 18);
        Assert.Equal(0.38m, Concentration.Hhi([50 * wei * wei, 30 * wei * wei, 20 * wei * wei]));
        Assert.Equal(0.222222222m, Concentration.Gini([wei, 2 * wei, 3 * wei]));
    }

    [Fact]
    public void The_incremental_distribution_agrees_with_the_formulas_through_random_changes()
    {
        var random = new Random(20261201);
        var distribution = new PowerDistribution();
        var truth = new Dictionary<string, BigInteger>();
        for (var step = 0; step < 4_000; step++)
        {
            var address = $"0x{random.Next(700):x40}";
            // Zeros (leaving), repeats and ties on purpose: blocks split and empty as the population moves.
            var power = random.Next(5) == 0 ? BigInteger.Zero : new BigInteger(random.Next(1, 50)) * (random.Next(3) == 0 ? 1 : 1_000_003);
            distribution.Set(address, power);
            if (power.IsZero) truth.Remove(address); else truth[address] = power;
            if (step % 97 == 0) AgreesWithTheFormulas(distribution, truth);
        }
        var top = distribution.Top(5);
        Assert.Equal(truth.Values.OrderDescending().Take(5), top.Select(t => t.Power));
    }

    [Fact]
    public void Groups_of_blocks_split_and_empty_as_a_large_population_grows_changes_and_leaves()
    {
        var random = new Random(20261202);
        var distribution = new PowerDistribution();
        var truth = new Dictionary<string, BigInteger>();
        void Set(int n, BigInteger power)
        {
            var address = $"0x{n:x40}";
            distribution.Set(address, power);
            if (power.IsZero) truth.Remove(address); else truth[address] = power;
        }
        void Check()
        {
            AgreesWithTheFormulas(distribution, truth);
            Assert.Equal(truth.Values.OrderDescending().Take(20), distribution.Top(20).Select(t => t.Power));
        }

        // 50,000 holders: more than 2·GroupSize blocks, so groups split; many ties on purpose.
        for (var n = 0; n < 50_000; n++) Set(n, random.Next(1, 200));
        Check();
        for (var step = 0; step < 30_000; step++) Set(random.Next(60_000), random.Next(4) == 0 ? 0 : random.Next(1, 5_000));
        Check();
        // Most leave, from the bottom and at random: blocks and whole groups empty.
        foreach (var (address, _) in truth.OrderBy(t => t.Value).Take(30_000).ToList()) Set(Convert.ToInt32(address[2..], 16), 0);
        Check();
        foreach (var n in Enumerable.Range(0, 60_000).Where(_ => random.Next(10) != 0)) Set(n, 0);
        Check();
        for (var n = 0; n < 3_000; n++) Set(random.Next(60_000), random.Next(1, 9));
        Check();
    }

    /// <summary>The incremental figures equal the formulas over the holdings themselves.</summary>
    private static void AgreesWithTheFormulas(PowerDistribution distribution, Dictionary<string, BigInteger> truth)
    {
        var figures = distribution.Figures();
        Assert.Equal(truth.Count, figures.Holders);
        Assert.Equal(truth.Values.Aggregate(BigInteger.Zero, (a, b) => a + b), figures.Total);
        Assert.Equal(Concentration.Gini(truth.Values), figures.Gini);
        Assert.Equal(Concentration.Nakamoto(truth.Values), figures.Nakamoto);
        Assert.Equal(Concentration.Hhi(truth.Values), figures.Hhi);
    }

    [Fact]
    public void Setting_the_same_power_again_changes_nothing_and_negative_power_is_refused()
    {
        var d = new PowerDistribution();
        Assert.True(d.Set("0xa", 10));
        Assert.False(d.Set("0xa", 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Set("0xb", -1));
        Assert.True(d.Set("0xa", 0));
        Assert.Equal((0L, BigInteger.Zero, 0m, 0), (d.Count, d.Total, d.Figures().Gini, d.Nakamoto()));
    }
}
