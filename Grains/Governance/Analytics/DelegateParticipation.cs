namespace Blocktrack.Grains.Governance.Analytics;

/// <summary>
/// Delegate participation: the share of a window of closed proposals a delegate voted on. Closed proposals are numbered
/// 1, 2, … in closing order per DAO, so a window is a range of those numbers and a delegate's votes a sorted list of them.
/// </summary>
public static class DelegateParticipation
{
    /// <summary>Karma's "active delegate": voted on at least 75% of the proposals closed in the last 90 days.</summary>
    public const int ActiveBps = 7_500;

    public static readonly TimeSpan ActiveWindow = TimeSpan.FromDays(90);

    /// <summary>The last <paramref name="n"/> of <paramref name="closed"/> numbered proposals: numbers (closed − n, closed].</summary>
    public static ProposalWindow LastN(long closed, int n) => new(Math.Max(0, closed - n), closed);

    /// <summary>
    /// Proposals closed at or after <paramref name="since"/>, given each closed proposal's close time in closing order
    /// (closing times never decrease, so a binary search finds the first).
    /// </summary>
    public static ProposalWindow Since(IReadOnlyList<long> closedAt, long since)
    {
        int lo = 0, hi = closedAt.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (closedAt[mid] < since) lo = mid + 1; else hi = mid;
        }
        return new ProposalWindow(lo, closedAt.Count);
    }

    /// <summary>How many of the sorted closing numbers fall in the window.</summary>
    public static int VotedIn(IReadOnlyList<long> voted, ProposalWindow window) =>
        LowerBound(voted, window.To + 1) - LowerBound(voted, window.After + 1);

    /// <summary>The participation rate: voted / proposals in the window (0 for an empty window).</summary>
    public static decimal Rate(int voted, ProposalWindow window) => Ratio.Share(voted, window.Size);

    /// <summary>Active: a non-empty window of which at least <see cref="ActiveBps"/> was voted on (compared in integers).</summary>
    public static bool IsActive(int voted, ProposalWindow window) => window.Size > 0 && voted * 10_000L >= ActiveBps * window.Size;

    private static int LowerBound(IReadOnlyList<long> sorted, long value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

/// <summary>Closed proposals numbered <see cref="After"/> + 1 … <see cref="To"/>.</summary>
public readonly record struct ProposalWindow(long After, long To)
{
    public long Size => Math.Max(0, To - After);
}
