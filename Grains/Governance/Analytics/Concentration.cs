using System.Numerics;

namespace Blocktrack.Grains.Governance.Analytics;

/// <summary>
/// Concentration of votable power over a population of addresses, in exact integer arithmetic: the figures are ratios of
/// BigIntegers, rounded once (half away from zero) to <see cref="Ratio.Scale"/> decimal places at the end.
/// </summary>
public static class Concentration
{
    /// <summary>
    /// Gini coefficient of the holdings (zeros included): with x sorted ascending and W = Σ i·x₍ᵢ₎ (i from 1),
    /// G = (2W − (n+1)·S) / (n·S). 0 for equal holdings, 1 − 1/n when one address holds everything.
    /// </summary>
    public static decimal Gini(IEnumerable<BigInteger> holdings)
    {
        var sorted = holdings.Order().ToList();
        BigInteger w = 0, s = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            w += sorted[i] * (i + 1);
            s += sorted[i];
        }
        return Gini(sorted.Count, s, w);
    }

    /// <summary>Gini from the aggregates an incremental distribution keeps: count, sum and rank-weighted sum.</summary>
    public static decimal Gini(long n, BigInteger sum, BigInteger rankWeighted) =>
        n == 0 || sum.IsZero ? 0m : Ratio.ToDecimal(2 * rankWeighted - (n + 1) * sum, n * sum);

    /// <summary>Nakamoto coefficient: the fewest addresses whose power together exceeds half of the total (0 for none).</summary>
    public static int Nakamoto(IEnumerable<BigInteger> holdings)
    {
        var sorted = holdings.OrderDescending().ToList();
        var total = sorted.Aggregate(BigInteger.Zero, (a, b) => a + b);
        if (total.IsZero) return 0;
        BigInteger running = 0;
        for (var k = 0; k < sorted.Count; k++)
        {
            running += sorted[k];
            if (running * 2 > total) return k + 1;
        }
        return sorted.Count;
    }

    /// <summary>Herfindahl–Hirschman index as a fraction: Σ (xᵢ/S)² = Σ xᵢ² / S², 1/n for n equal holders, 1 for one.</summary>
    public static decimal Hhi(IEnumerable<BigInteger> holdings)
    {
        BigInteger squares = 0, sum = 0;
        foreach (var x in holdings)
        {
            squares += x * x;
            sum += x;
        }
        return Hhi(sum, squares);
    }

    public static decimal Hhi(BigInteger sum, BigInteger squares) => sum.IsZero ? 0m : Ratio.ToDecimal(squares, sum * sum);

    /// <summary>HHI on the antitrust scale (shares in percent, squared): 10,000 for a monopoly.</summary>
    public static decimal HhiPoints(decimal hhi) => Math.Round(hhi * 10_000m, Ratio.Scale - 4, MidpointRounding.AwayFromZero);
}
