using System.Numerics;

namespace Blocktrack.Grains.Governance.Analytics;

/// <summary>Exact ratios of big integers, rounded once to a fixed number of decimal places.</summary>
public static class Ratio
{
    /// <summary>Decimal places of every reported ratio (Gini, HHI, turnout, rates).</summary>
    public const int Scale = 9;

    private static readonly BigInteger Unit = BigInteger.Pow(10, Scale);

    /// <summary>numerator / denominator rounded half away from zero to <see cref="Scale"/> places; 0 when the denominator is 0.</summary>
    public static decimal ToDecimal(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) return 0m;
        if (denominator.Sign < 0) (numerator, denominator) = (-numerator, -denominator);
        var scaled = BigInteger.DivRem(numerator * Unit * 2 + (numerator.Sign >= 0 ? denominator : -denominator), denominator * 2);
        return (decimal)scaled.Quotient / (decimal)Unit;
    }

    /// <summary>Parts per million, rounded down: the integer form in which turnouts are kept and compared.</summary>
    public static long Ppm(BigInteger part, BigInteger whole) =>
        whole.Sign <= 0 || part.Sign <= 0 ? 0 : (long)BigInteger.Min(part * 1_000_000 / whole, long.MaxValue);

    /// <summary>Median of integers: the middle one, or the mean of the two middle ones (exact, may end in .5); null for none.</summary>
    public static decimal? Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : ((decimal)sorted[mid - 1] + sorted[mid]) / 2m;
    }

    /// <summary>A share of a count as a ratio (0 for an empty whole).</summary>
    public static decimal Share(long part, long whole) => ToDecimal(part, whole);
}
