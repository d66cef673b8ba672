using System.Numerics;

namespace Blocktrack.Grains.Governance.Choices;

/// <summary>Integer arithmetic the tallies need beyond the BCL.</summary>
public static class IntegerMath
{
    /// <summary>⌊√n⌋ for n ≥ 0, by Newton's iteration from an over-estimate (so it decreases monotonically to the floor).</summary>
    public static BigInteger Sqrt(BigInteger n)
    {
        if (n.Sign < 0) throw new ArgumentOutOfRangeException(nameof(n), "no square root of a negative number");
        if (n < 2) return n;
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var next = (x + n / x) >> 1;
            if (next >= x) return x;
            x = next;
        }
    }
}
