using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Choices;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Verifier;

/// <summary>The recount: the class's counting type over the downloaded ballots, against the tallies the Gateway publishes.</summary>
public static partial class Audit
{
    private static Finding RecountMatches(ProposalEvidence e)
    {
        var cls = e.Proposal.Class;
        if (!cls.CountsChoices)
        {
            var withChoices = e.Ballots.Where(b => b.HasChoices).Select(b => $"{b.Voter}: a ballot with choices in a basic class").ToList();
            if (withChoices.Count > 0) return Finding.Fail(Recount, "ballots with choices cannot count in a basic class", withChoices);
            var counted = Counting.Recompute(e.Ballots);
            // Delegator override: each overriding balance leaves its delegate's ballot once.
            var overrides = e.Ballots.Where(b => b.OverrideOf is not null)
                .Select(b => new BallotOverride { Delegator = b.Voter, Delegate = b.OverrideOf!, Balance = b.OverrideBalance }).ToList();
            if (overrides.Count > 0)
            {
                var latest = e.Ballots.GroupBy(b => b.Voter, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
                counted = OverrideRules.Adjust(counted, overrides, latest);
            }
            return Compare("For/Against/Abstain", Basic(counted), Basic(e.Tally), Basic(e.Proposal.Tally));
        }

        var choices = e.Proposal.Choices.IsDefault ? 0 : e.Proposal.Choices.Length;
        ChoiceScores scores;
        try
        {
            var votes = e.Ballots.Select(b => new ChoiceVote(b.RawPower, [.. b.Choices.Select(c => c - 1)],
                b.Weights.IsDefaultOrEmpty ? null : [.. b.Weights])).ToList();
            scores = ChoiceCounting.Count(cls.Counting, choices, votes);
        }
        catch (ArgumentException ex)
        {
            return Finding.Fail(Recount, $"the ballots cannot be counted as {cls.Counting} over {choices} choices: {ex.Message}");
        }
        var recount = Choice(scores, e.Ballots.Length);
        return Compare($"{cls.Counting} over {choices} choices", recount, Choice(e.Tally), Choice(e.Proposal.Tally));
    }

    /// <summary>Compares the recount with the live tally and with the proposal's own (final) tally.</summary>
    private static Finding Compare(string how, string recount, string tally, string proposal)
    {
        var offenders = new List<string>();
        if (tally != recount) offenders.Add($"GET …/tally publishes {tally}");
        if (proposal != recount) offenders.Add($"the proposal publishes {proposal}");
        return offenders.Count == 0
            ? Finding.Pass(Recount, $"{how} recounted from the ballots: {recount}, as published")
            : Finding.Fail(Recount, $"{how} recounted from the ballots: {recount}", offenders);
    }

    private static string Basic(Tally t) => $"for {t.For}, against {t.Against}, abstain {t.Abstain}, {t.Voters} voters";

    private static string Choice(ChoiceScores s, int voters) => Scores(
        [.. Enumerable.Range(0, s.Scaled.Length).Select(s.Format)], s.TotalPower.ToString(), s.Winner + 1, voters);

    private static string Choice(Tally t) => t.Outcome is { } o
        ? Scores(o.Scores, o.TotalPower, o.Winner, t.Voters)
        : $"no choice outcome ({t.Voters} voters)";

    private static string Scores(IReadOnlyList<string> scores, string total, int? winner, int voters) =>
        $"scores [{string.Join(", ", scores)}], total power {total}, winner {(winner is { } w ? $"choice {w}" : "none")}, {voters} voters";
}
