namespace Blocktrack.Grains.Governance;

/// <summary>
/// Histories kept in time order (checkpoints, mirrored chain values, locks, attestations): the entry in force at a
/// timepoint is the last one at or before it.
/// </summary>
public static class Timeline
{
    /// <summary>Index of the last entry whose time is at or before <paramref name="timepoint"/>; −1 before the first. O(log n).</summary>
    public static int LastAtOrBefore<T>(IReadOnlyList<T> entries, long timepoint, Func<T, long> timeOf)
    {
        int lo = 0, hi = entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (timeOf(entries[mid]) <= timepoint) lo = mid + 1; else hi = mid;
        }
        return lo - 1;
    }
}
