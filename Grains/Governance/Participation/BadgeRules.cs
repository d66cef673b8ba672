using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance.Participation;

/// <summary>Which badges a participant's record has earned; each is awarded once, so only new ones are answered.</summary>
public static class BadgeRules
{
    /// <summary>What the rules look at: the participant's counts, the closed proposals it voted on, an epoch rank.</summary>
    public sealed record Record(long Ballots, long ProposalsPassed, IReadOnlyList<long> VotedIndexes, long LatestClosed, int? Rank)
    {
        public long MilestonesDelivered { get; init; }
    }

    public static IEnumerable<BadgeRule> Earned(IEnumerable<BadgeRule> rules, Record record, IReadOnlySet<string> held) =>
        rules.Where(r => !held.Contains(r.Id) && Meets(r, record));

    public static bool Meets(BadgeRule rule, Record r) => rule.Kind switch
    {
        BadgeKind.Ballots => r.Ballots >= rule.Threshold,
        BadgeKind.ProposalsPassed => r.ProposalsPassed >= rule.Threshold,
        BadgeKind.TopParticipant => r.Rank is { } rank && rank <= rule.Threshold,
        BadgeKind.MilestonesDelivered => r.MilestonesDelivered >= rule.Threshold,
        BadgeKind.Participation => ParticipationBps(r.VotedIndexes, r.LatestClosed, rule.Window) is { } bps && bps >= rule.Threshold,
        _ => false,
    };

    /// <summary>
    /// The share in bps of the DAO's last <paramref name="window"/> closed proposals (indexes latest − window + 1 … latest)
    /// voted on; null until that many have closed. <paramref name="voted"/> is sorted ascending.
    /// </summary>
    public static long? ParticipationBps(IReadOnlyList<long> voted, long latest, int window)
    {
        if (window <= 0 || latest < window) return null;
        var from = latest - window + 1;
        var first = Timeline.LastAtOrBefore(voted, from - 1, static v => v) + 1;
        var last = Timeline.LastAtOrBefore(voted, latest, static v => v);
        return (last - first + 1) * 10_000L / window;
    }

    /// <summary>Checks a programme's badges: ids valid and distinct, names present, thresholds that can be met.</summary>
    public static void Validate(IReadOnlyList<BadgeRule> badges)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in badges)
        {
            Check(b is not null && Names.IsSegment(b.Id ?? ""), $"badge id '{b?.Id}' is not [a-z][a-z0-9-]{{0,39}}");
            Check(ids.Add(b!.Id!), $"badge '{b.Id}' is defined twice");
            Check(!string.IsNullOrWhiteSpace(b.Name) && b.Name.Length <= 80, $"badge '{b.Id}' needs a name of 1..80 characters");
            Check(Enum.IsDefined(b.Kind), $"badge '{b.Id}' has an unknown kind");
            Check(b.Threshold >= 1, $"badge '{b.Id}': the threshold must be at least 1");
            if (b.Kind == BadgeKind.Participation)
                Check(b.Threshold <= 10_000 && b.Window is >= 1 and <= 1000,
                    $"badge '{b.Id}': participation needs a threshold of 1..10000 bps and a window of 1..1000 proposals");
        }
    }

    private static void Check(bool ok, string message) => Refuse.Unless(ok, GovernanceError.ConstitutionViolation, message);
}
