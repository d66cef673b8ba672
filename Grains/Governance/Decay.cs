using System.Numerics;
using Blocktrack.Grains.Governance.Choices;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// Continuous half-life decay, value · 2^(−elapsed/halfLife), in integer arithmetic (no double anywhere).
/// </summary>
/// <remarks>
/// elapsed/halfLife = n + r/halfLife with n whole half-lives (an exact shift) and a fraction r/halfLife, taken to
/// <see cref="FractionBits"/> binary digits b₁b₂…; 2^(−fraction) is then the product of 2^(−2^−i) over the set digits.
/// Those roots of ½ are kept as fixed-point numbers with <see cref="FractionBits"/> fractional bits, each as a lower and
/// an upper bound (repeated integer square roots, rounded down resp. up), and the fraction's digits are rounded the
/// other way for each bound. So <see cref="Down"/> never exceeds the exact value and <see cref="Up"/> never falls below
/// it; the two factors differ by less than 2^−118 of the value (plus the final rounding of one unit each). A whole
/// number of half-lives has no fraction, so it is exact: one half-life halves (rounded down, or up for <see cref="Up"/>).
/// </remarks>
public static class Decay
{
    /// <summary>Binary digits after the point of the decay factors and of the half-life fraction.</summary>
    public const int FractionBits = 128;

    /// <summary>Colony's reputation half-life, the default.</summary>
    public static readonly TimeSpan DefaultHalfLife = TimeSpan.FromDays(90);

    private static readonly BigInteger One = BigInteger.One << FractionBits;

    // RootLow[i] ≤ 2^(−2^−i) · 2^FractionBits ≤ RootHigh[i], for i = 1 … FractionBits (index 0 unused).
    private static readonly BigInteger[] RootLow = new BigInteger[FractionBits + 1];
    private static readonly BigInteger[] RootHigh = new BigInteger[FractionBits + 1];

    static Decay()
    {
        // 2^(−1/2) · 2^P = √(2^(2P−1)); each further root is √(previous · 2^P). Flooring a lower bound's square root
        // keeps it a lower bound (√ is monotone); ceiling an upper bound's keeps it an upper bound.
        var half = BigInteger.One << (2 * FractionBits - 1);
        (RootLow[1], RootHigh[1]) = (IntegerMath.Sqrt(half), CeilSqrt(half));
        for (var i = 2; i <= FractionBits; i++)
        {
            RootLow[i] = IntegerMath.Sqrt(RootLow[i - 1] << FractionBits);
            RootHigh[i] = CeilSqrt(RootHigh[i - 1] << FractionBits);
        }
    }

    /// <summary>⌊value · 2^(−elapsed/halfLife)⌋ or a little below it: never above the exact decayed value.</summary>
    public static BigInteger Down(BigInteger value, long elapsed, long halfLife)
    {
        Require(value, elapsed, halfLife);
        if (value.IsZero || elapsed == 0) return value;
        var (low, _, shift) = Factor(elapsed, halfLife);
        var product = value * low;
        var bits = FractionBits + shift;
        return bits > product.GetBitLength() ? BigInteger.Zero : product >> (int)bits;
    }

    /// <summary>⌈value · 2^(−elapsed/halfLife)⌉ or a little above it: never below the exact decayed value.</summary>
    public static BigInteger Up(BigInteger value, long elapsed, long halfLife)
    {
        Require(value, elapsed, halfLife);
        if (value.IsZero || elapsed == 0) return value;
        var (_, high, shift) = Factor(elapsed, halfLife);
        var product = value * high;
        var bits = FractionBits + shift;
        // A positive value decays towards zero but an upper bound of it never reaches zero.
        if (bits > product.GetBitLength()) return BigInteger.One;
        var divisor = BigInteger.One << (int)bits;
        return (product + divisor - 1) >> (int)bits;
    }

    /// <summary>
    /// Bounds of the factor 2^(−elapsed/halfLife) as 2^(−shift) · bound / 2^<see cref="FractionBits"/>, low ≤ exact ≤ high.
    /// </summary>
    public static (BigInteger Low, BigInteger High, long Shift) Factor(long elapsed, long halfLife)
    {
        Require(BigInteger.Zero, elapsed, halfLife);
        var whole = elapsed / halfLife;
        var scaled = new BigInteger(elapsed % halfLife) << FractionBits;
        var fractionDown = scaled / halfLife;
        var fractionUp = fractionDown + (scaled % halfLife == 0 ? 0 : 1);
        // A larger exponent gives a smaller factor: the low bound takes the fraction rounded up, and vice versa.
        return (Product(fractionUp, RootLow, roundUp: false), Product(fractionDown, RootHigh, roundUp: true), whole);
    }

    private static BigInteger Product(BigInteger fraction, BigInteger[] roots, bool roundUp)
    {
        var acc = One;
        for (var i = 1; i <= FractionBits; i++)
        {
            if (((fraction >> (FractionBits - i)) & 1).IsZero) continue;
            var product = acc * roots[i];
            acc = roundUp ? (product + One - 1) >> FractionBits : product >> FractionBits;
        }
        return acc;
    }

    private static BigInteger CeilSqrt(BigInteger n)
    {
        var root = IntegerMath.Sqrt(n);
        return root * root == n ? root : root + 1;
    }

    private static void Require(BigInteger value, long elapsed, long halfLife)
    {
        if (halfLife <= 0) throw new ArgumentOutOfRangeException(nameof(halfLife), "the half-life must be positive");
        if (elapsed < 0) throw new ArgumentOutOfRangeException(nameof(elapsed), "decay runs forward in time only");
        if (value.Sign < 0) throw new ArgumentOutOfRangeException(nameof(value), "only non-negative values decay");
    }
}
