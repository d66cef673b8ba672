using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance.Analytics;

/// <summary>
/// A period's report from its proposals' figures (counts by outcome, pass rate, medians; O(p log p) in its proposals), and
/// what a power report must be.
/// </summary>
public static class AnalyticsRules
{
    public static AnalyticsReport Report(string dao, string period, IReadOnlyList<ProposalFigures> items, long uniqueVoters,
        DateTimeOffset asOf)
    {
        int Count(ProposalOutcome o) => items.Count(i => i.Outcome == o);
        var passed = Count(ProposalOutcome.Passed);
        var canceled = Count(ProposalOutcome.Canceled);
        return new AnalyticsReport
        {
            Dao = dao,
            Period = period,
            Proposals = items.Count,
            Passed = passed,
            NoQuorum = Count(ProposalOutcome.NoQuorum),
            Rejected = Count(ProposalOutcome.Rejected),
            Canceled = canceled,
            PassRate = Ratio.Share(passed, items.Count - canceled),
            MedianTurnout = Ratio.Median(items.Where(i => i.TurnoutPpm is not null).Select(i => i.TurnoutPpm!.Value)) / 1_000_000m,
            MedianSecondsToQuorum = Ratio.Median(items.Where(i => i.SecondsToQuorum is not null).Select(i => i.SecondsToQuorum!.Value)),
            UniqueVoters = uniqueVoters,
            Ballots = items.Sum(i => i.Ballots),
            Items = [.. items],
            Pending = items.Count(i => i.TurnoutPpm is null && i.Outcome != ProposalOutcome.Canceled),
            AsOf = asOf,
        };
    }

    /// <summary>The outcome of a sealed vote.</summary>
    public static ProposalOutcome OutcomeOf(bool quorumReached, bool passed) =>
        passed ? ProposalOutcome.Passed : quorumReached ? ProposalOutcome.Rejected : ProposalOutcome.NoQuorum;

    /// <summary>Seconds from voting open to quorum, or null if it was never reached (or reached before it opened).</summary>
    public static long? SecondsToQuorum(long openedAt, long? quorumReachedAt) =>
        quorumReachedAt is { } at ? Math.Max(0, at - openedAt) : null;

    /// <summary>What a power report must be: checked by the distribution grain and by the relay before it joins a batch.</summary>
    public static void ValidateReport(PowerReport report)
    {
        Addresses.Require(report.Address, "address");
        Refuse.Unless(report.Power.Sign >= 0, GovernanceError.InvalidArgument, "power may not be negative");
    }
}
