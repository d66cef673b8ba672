using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// Reputation as decaying checkpoints: a checkpoint holds (timepoint, value at that timepoint) and every later reading
/// decays it, V(t) = V(tₖ) · 2^(−(t − tₖ)/halfLife), so nothing rewrites holders as time passes and a reading is a binary
/// search. An award adds to the decayed value at its timepoint. Individual values round down (<see cref="Decay.Down"/>),
/// a domain's total rounds up (<see cref="Decay.Up"/>): each is a bound of the exact Σ award · 2^(−(t − awardedAt)/h),
/// so the total is never below the sum of the individual values it stands for.
/// </summary>
public static class ReputationRules
{
    public const int MaxCauseLength = 200;

    /// <summary>How far ahead of the cluster's clock an award's timepoint may be (clock skew between feeders).</summary>
    public const long FutureTolerance = DelegationRules.FutureTolerance;

    /// <summary>The domain and every DAO above it, nearest first: <c>a/b/c</c> → <c>a/b/c</c>, <c>a/b</c>, <c>a</c>.</summary>
    public static IReadOnlyList<string> DomainAndAncestors(string domain)
    {
        var chain = new List<string>();
        for (string? d = domain; d is not null; d = Names.ParentOf(d)) chain.Add(d);
        return chain;
    }

    /// <summary>Checks an award before anything changes: a DAO path, a cause, a positive amount, a timepoint not too new.</summary>
    public static void ValidateAward(string domain, string cause, BigInteger amount, long at, long now)
    {
        Names.RequireDaoPath(domain ?? "");
        Refuse.Unless(!string.IsNullOrWhiteSpace(cause) && cause.Length <= MaxCauseLength && !cause.Any(char.IsControl),
            GovernanceError.InvalidArgument, $"a cause is 1 to {MaxCauseLength} printable characters, e.g. 'vote:{{proposal}}'");
        Refuse.Unless(amount.Sign > 0, GovernanceError.InvalidArgument, "a reputation award must be a positive amount");
        Refuse.Unless(at >= 0, GovernanceError.InvalidArgument, "the award's timepoint must be unix seconds (≥ 0)");
        Refuse.Unless(at <= now + FutureTolerance, GovernanceError.StaleTimepoint, $"timepoint {at} is in the future");
    }

    /// <summary>Timepoints only move forward per address in a domain (and in its ancestors, which the award also raises).</summary>
    public static void RequireForward(long at, string domain, long last) =>
        Refuse.Unless(at >= last, GovernanceError.StaleTimepoint,
            $"timepoint {at} is before the last award recorded for this address in '{domain}' ({last})");

    /// <summary>The last checkpoint's timepoint, or <see cref="long.MinValue"/> when there is none.</summary>
    public static long LastTimepoint(IReadOnlyList<Checkpoint> history) => history.Count == 0 ? long.MinValue : history[^1].Timepoint;

    /// <summary>An address's reputation at <paramref name="timepoint"/>, rounded down; zero before its first award.</summary>
    public static BigInteger ValueAt(IReadOnlyList<Checkpoint> history, long timepoint, long halfLife)
    {
        var i = IndexAt(history, timepoint);
        return i < 0 ? BigInteger.Zero : Decay.Down(history[i].Value, timepoint - history[i].Timepoint, halfLife);
    }

    /// <summary>A domain's total at <paramref name="timepoint"/>, rounded up; zero before the domain's first award.</summary>
    public static BigInteger TotalAt(IReadOnlyList<Checkpoint> totals, long timepoint, long halfLife)
    {
        var i = IndexAt(totals, timepoint);
        return i < 0 ? BigInteger.Zero : Decay.Up(totals[i].Value, timepoint - totals[i].Timepoint, halfLife);
    }

    /// <summary>
    /// Adds an award to an address's history at <paramref name="at"/>, which is not before its last checkpoint
    /// (<see cref="RequireForward"/>); past readings stay as they were.
    /// </summary>
    public static void Award(List<Checkpoint> history, long at, BigInteger amount, long halfLife)
    {
        if (history.Count > 0 && at < history[^1].Timepoint)
            throw new InvalidOperationException($"an award at {at} is before the last checkpoint ({history[^1].Timepoint})");
        if (history.Count > 0 && history[^1].Timepoint == at)
        {
            history[^1] = history[^1] with { Value = history[^1].Value + amount };
            return;
        }
        history.Add(new Checkpoint(at, ValueAt(history, at, halfLife) + amount));
    }

    /// <summary>
    /// Adds an award to a domain's total. Awards of different addresses may arrive in any order, so one before the last
    /// checkpoint is inserted and every later checkpoint grows by the award decayed (rounded up) to its timepoint.
    /// </summary>
    public static void AddToTotal(List<Checkpoint> totals, long at, BigInteger amount, long halfLife)
    {
        var i = IndexAt(totals, at);
        if (i >= 0 && totals[i].Timepoint == at)
        {
            totals[i] = totals[i] with { Value = totals[i].Value + amount };
        }
        else
        {
            var value = TotalAt(totals, at, halfLife) + amount;
            totals.Insert(++i, new Checkpoint(at, value));
        }
        for (var j = i + 1; j < totals.Count; j++)
        {
            totals[j] = totals[j] with { Value = totals[j].Value + Decay.Up(amount, totals[j].Timepoint - at, halfLife) };
        }
    }

    /// <summary>Index of the last checkpoint at or before <paramref name="timepoint"/>; −1 when there is none.</summary>
    private static int IndexAt(IReadOnlyList<Checkpoint> history, long timepoint)
    {
        return Timeline.LastAtOrBefore(history, timepoint, static c => c.Timepoint);
    }
}
