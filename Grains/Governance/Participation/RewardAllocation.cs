using System.Numerics;

namespace Blocktrack.Grains.Governance.Participation;

/// <summary>
/// Shares an epoch's budget by points with the largest-remainder method: each address gets ⌊budget · points / total⌋,
/// and the units left by rounding go one each to the largest remainders (ties to the lower address), so the shares sum
/// to exactly the budget when anyone earned points, never more, never below zero, and the same inputs give the same
/// shares wherever they are computed.
/// </summary>
public static class RewardAllocation
{
    public static BigInteger[] Allocate(BigInteger budget, IReadOnlyList<(string Address, long Points)> points)
    {
        if (budget.Sign < 0) throw new ArgumentOutOfRangeException(nameof(budget), "a budget is never negative");
        var shares = new BigInteger[points.Count];
        var total = BigInteger.Zero;
        foreach (var (_, p) in points)
        {
            if (p < 0) throw new ArgumentOutOfRangeException(nameof(points), "points are never negative");
            total += p;
        }
        if (total.IsZero || budget.IsZero) return shares;
        var remainders = new BigInteger[points.Count];
        var paid = BigInteger.Zero;
        for (var i = 0; i < points.Count; i++)
        {
            shares[i] = BigInteger.DivRem(budget * points[i].Points, total, out remainders[i]);
            paid += shares[i];
        }
        var left = (int)(budget - paid); // fewer than points.Count units: each remainder is below one unit
        if (left == 0) return shares;
        var order = Enumerable.Range(0, points.Count)
            .OrderByDescending(i => remainders[i]).ThenBy(i => points[i].Address, StringComparer.Ordinal).Take(left);
        foreach (var i in order) shares[i] += 1;
        return shares;
    }
}
