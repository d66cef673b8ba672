using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// Values mirrored from chain logs, in (block, log index) order: applying a log twice changes nothing, and a
/// reorg rolls back everything from a block on so the new branch can be applied.
/// </summary>
public static class ChainHistory
{
    /// <summary>Appends a point unless it is not newer than the last one (then it was applied already).</summary>
    public static bool Apply(List<ChainValue> points, ChainValue point)
    {
        if (points.Count > 0)
        {
            var last = points[^1];
            if ((point.Block, point.LogIndex).CompareTo((last.Block, last.LogIndex)) <= 0) return false;
        }
        points.Add(point);
        return true;
    }

    /// <summary>Removes every point at or after <paramref name="fromBlock"/>; returns how many.</summary>
    public static int RollbackFrom(List<ChainValue> points, long fromBlock) => points.RemoveAll(p => p.Block >= fromBlock);

    /// <summary>The value at a timestamp: the last point whose block timestamp is at or before it; zero before any.</summary>
    public static BigInteger ValueAt(IReadOnlyList<ChainValue> points, long timestamp)
    {
        var i = Timeline.LastAtOrBefore(points, timestamp, static p => p.Timestamp);
        return i < 0 ? BigInteger.Zero : points[i].Value;
    }

    public static BigInteger Latest(IReadOnlyList<ChainValue> points) => points.Count == 0 ? BigInteger.Zero : points[^1].Value;
}
