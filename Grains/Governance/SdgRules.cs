using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// SDG tags (UN goals 1..17), the period a time falls in, and the per-goal caps: every tagged amount counts in full
/// under each of its goals, and an amount that would take a goal past its cap in the period is refused.
/// </summary>
public static class SdgRules
{
    public const int Goals = 17;

    public static void ValidateGoals(ImmutableArray<int> goals, string at)
    {
        if (goals.IsDefaultOrEmpty) return;
        Refuse.Unless(goals.All(g => g is >= 1 and <= Goals), GovernanceError.InvalidArgument,
            $"{at}: SDG tags are the UN goals 1..{Goals}");
        Refuse.Unless(goals.Distinct().Count() == goals.Length, GovernanceError.InvalidArgument, $"{at}: an SDG tag appears twice");
    }

    public static void ValidatePolicy(SdgPolicy? policy)
    {
        if (policy is null) return;
        Refuse.Unless(policy.PeriodSeconds >= 86_400, GovernanceError.ConstitutionViolation, "sdg: a period is at least a day (86400 s)");
        var caps = policy.Caps.IsDefault ? [] : policy.Caps;
        foreach (var cap in caps)
        {
            Refuse.Unless(cap is not null && cap.Goal is >= 1 and <= Goals && Names.IsToken(cap.Asset) && cap.Amount.Sign >= 0,
                GovernanceError.ConstitutionViolation, "sdg: a cap names a goal 1..17, a valid asset and an amount of 0 or more");
        }
        Refuse.Unless(caps.Select(c => (c.Goal, c.Asset)).Distinct().Count() == caps.Length, GovernanceError.ConstitutionViolation,
            "sdg: one cap per goal and asset");
    }

    public static long PeriodSeconds(SdgPolicy? policy) => policy?.PeriodSeconds ?? SdgPolicy.DefaultPeriodSeconds;

    public static long PeriodOf(long unixSeconds, SdgPolicy? policy) => Math.DivRem(unixSeconds, PeriodSeconds(policy)).Quotient;

    public static string Key(long period, int goal) => $"{period}|{goal}";

    /// <summary>
    /// Counts <paramref name="amount"/> of <paramref name="asset"/> as allocated to each goal in <paramref name="period"/>;
    /// refused with sdg-cap-exceeded when a goal's cap for that asset would be passed.
    /// </summary>
    public static ImmutableDictionary<string, SdgFigures> Allocate(ImmutableDictionary<string, SdgFigures> figures, SdgPolicy? policy,
        long period, ImmutableArray<int> goals, string asset, BigInteger amount)
    {
        if (goals.IsDefaultOrEmpty) return figures;
        foreach (var goal in goals)
        {
            var f = Figures(figures, period, goal);
            var total = f.Allocated.GetValueOrDefault(asset) + amount;
            var cap = policy?.Caps.IsDefault == false ? policy.Caps.FirstOrDefault(c => c.Goal == goal && c.Asset == asset) : null;
            Refuse.Unless(cap is null || total <= cap.Amount, GovernanceError.SdgCapExceeded,
                $"SDG {goal} may receive at most {cap?.Amount} {asset} in period {period}; {f.Allocated.GetValueOrDefault(asset)} "
                + $"is allocated, {amount} more asked");
            figures = figures.SetItem(Key(period, goal), f with { Allocated = f.Allocated.SetItem(asset, total) });
        }
        return figures;
    }

    /// <summary>Applies <paramref name="change"/> to the figures of each goal in the period.</summary>
    public static ImmutableDictionary<string, SdgFigures> Update(ImmutableDictionary<string, SdgFigures> figures, long period,
        IEnumerable<int> goals, Func<SdgFigures, SdgFigures> change)
    {
        foreach (var goal in goals) figures = figures.SetItem(Key(period, goal), change(Figures(figures, period, goal)));
        return figures;
    }

    public static SdgFigures Figures(ImmutableDictionary<string, SdgFigures> figures, long period, int goal) =>
        figures.GetValueOrDefault(Key(period, goal)) ?? new SdgFigures { Goal = goal };

    /// <summary>The goals of a proposal: those its actions carry.</summary>
    public static ImmutableArray<int> GoalsOf(IEnumerable<ProposalAction> actions) =>
        [.. actions.SelectMany(a => TagsOf(a)).Distinct().Order()];

    public static ImmutableArray<int> TagsOf(ProposalAction action) => action switch
    {
        TreasuryTransfer t => t.Sdgs ?? ImmutableArray<int>.Empty,
        AllocateBudget a => a.Sdgs ?? ImmutableArray<int>.Empty,
        OpenGrantProgram o => o.Terms?.Sdgs ?? ImmutableArray<int>.Empty,
        _ => ImmutableArray<int>.Empty,
    };

    /// <summary>Turnout in bps: power cast over votable power, 0 when nothing was votable.</summary>
    public static long TurnoutBps(BigInteger cast, BigInteger votable) =>
        votable.Sign <= 0 ? 0 : (long)BigInteger.Min(cast * 10_000 / votable, 10_000);
}
