using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// The total power of a vote escrow as the contract keeps it: a point (bias = total power, slope = its fall per second)
/// after every lock change, and the slope that ends at each week boundary. Between boundaries the total is linear, so
/// the total at t is the last point at or before t walked forward over at most MAXTIME / WEEK boundaries — a binary
/// search and a bounded walk, never a pass over owners. Exact integers throughout: the total equals the sum of
/// <see cref="VoteEscrowRules.PowerAt(EscrowLock, long)"/> over the locks in force, to the wei.
/// </summary>
public static class VoteEscrowSupply
{
    /// <summary>The total power at a unix time; zero before the first change.</summary>
    public static BigInteger At(
        IReadOnlyList<EscrowSupplyPoint> points, IReadOnlyDictionary<long, BigInteger> slopeEnding, long timestamp)
    {
        var i = Timeline.LastAtOrBefore(points, timestamp, static p => p.Timestamp);
        if (i < 0) return BigInteger.Zero;
        var from = points[i];
        return Walk(from.Bias, from.Slope, from.Timestamp, timestamp, slopeEnding).Bias;
    }

    /// <summary>
    /// Applies a lock change (the owner's lock before and after it); false when it is not after the last point (applied
    /// already). The old lock's power and slope leave the total if it was still running, the new one's join it.
    /// </summary>
    public static bool Apply(List<EscrowSupplyPoint> points, Dictionary<long, BigInteger> slopeEnding, EscrowSupplyChange change)
    {
        var now = change.Timestamp;
        var (bias, slope) = (BigInteger.Zero, BigInteger.Zero);
        if (points.Count > 0)
        {
            var last = points[^1];
            if ((change.Block, change.LogIndex).CompareTo((last.Change.Block, last.Change.LogIndex)) <= 0) return false;
            if (now < last.Timestamp)
                throw new InvalidOperationException($"lock change at block {change.Block} is older than the last one");
            (bias, slope) = Walk(last.Bias, last.Slope, last.Timestamp, now, slopeEnding);
        }
        var edits = Edits(change);
        foreach (var (week, delta) in edits)
        {
            bias += delta * (week - now);
            slope += delta;
        }
        // Check everything before changing anything: a refused change leaves the supply as it was.
        if (bias.Sign < 0 || slope.Sign < 0 || edits.Any(e => slopeEnding.GetValueOrDefault(e.Week) + Net(edits, e.Week) < 0))
            throw new InvalidOperationException(
                $"lock change at block {change.Block}/{change.LogIndex} takes out a lock the supply does not hold (old lock {change.Old})");
        foreach (var (week, delta) in edits) AddSlope(slopeEnding, week, delta);
        points.Add(new EscrowSupplyPoint(change, bias, slope));
        return true;
    }

    /// <summary>Takes back every change at or after <paramref name="fromBlock"/>, newest first; returns how many.</summary>
    public static int RollbackFrom(List<EscrowSupplyPoint> points, Dictionary<long, BigInteger> slopeEnding, long fromBlock)
    {
        var removed = 0;
        while (points.Count > 0 && points[^1].Change.Block >= fromBlock)
        {
            foreach (var (week, delta) in Edits(points[^1].Change)) AddSlope(slopeEnding, week, -delta);
            points.RemoveAt(points.Count - 1);
            removed++;
        }
        return removed;
    }

    /// <summary>
    /// The slope ending per week that a change moves: minus the old lock's slope at its unlock, plus the new one's at its
    /// unlock, each only while it runs (an expired lock's slope ended at its week already).
    /// </summary>
    private static List<(long Week, BigInteger Delta)> Edits(EscrowSupplyChange change)
    {
        var edits = new List<(long, BigInteger)>(2);
        if (change.Old.UnlockTime > change.Timestamp) edits.Add((change.Old.UnlockTime, -VoteEscrowRules.Slope(change.Old.Amount)));
        if (change.New.UnlockTime > change.Timestamp) edits.Add((change.New.UnlockTime, VoteEscrowRules.Slope(change.New.Amount)));
        return edits;
    }

    private static BigInteger Net(List<(long Week, BigInteger Delta)> edits, long week) =>
        edits.Where(e => e.Week == week).Aggregate(BigInteger.Zero, (sum, e) => sum + e.Delta);

    private static void AddSlope(Dictionary<long, BigInteger> slopeEnding, long week, BigInteger delta)
    {
        var value = slopeEnding.GetValueOrDefault(week) + delta;
        if (value.IsZero) slopeEnding.Remove(week);
        else slopeEnding[week] = value;
    }

    /// <summary>
    /// Walks a point forward to <paramref name="to"/>: linear between week boundaries, where the slopes of the locks
    /// unlocking there stop. Once the slope is zero every running lock weighs zero, and the walk is done.
    /// </summary>
    private static (BigInteger Bias, BigInteger Slope) Walk(
        BigInteger bias, BigInteger slope, long from, long to, IReadOnlyDictionary<long, BigInteger> slopeEnding)
    {
        var week = VoteEscrowRules.RoundToWeek(from);
        while (!slope.IsZero)
        {
            week += VoteEscrowRules.Week;
            if (week > to) break;
            bias -= slope * (week - from);
            slope -= slopeEnding.GetValueOrDefault(week);
            from = week;
        }
        return (bias - slope * (to - from), slope);
    }
}
