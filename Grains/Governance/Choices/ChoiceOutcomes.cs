using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance.Choices;

/// <summary>The published count of a choice proposal, from its merged tally (and, for a final ranked count, every ranking).</summary>
public static class ChoiceOutcomes
{
    /// <summary>
    /// While voting: scores from the additive sums (ranked choice: first preferences; the runoff needs every ranking and
    /// runs when the ballots are sealed).
    /// </summary>
    public static ChoiceOutcome Live(CountingType type, int choiceCount, Tally tally) =>
        Describe(ChoiceCounting.Finish(type, Sums(tally, choiceCount), tally.QuorumPower), final: false);

    /// <summary>Once sealed: the final scores; ranked choice runs the instant runoff over <paramref name="rankings"/>.</summary>
    public static ChoiceOutcome Final(CountingType type, int choiceCount, Tally tally, IEnumerable<RankedBallot> rankings)
    {
        if (type != CountingType.RankedChoice)
            return Describe(ChoiceCounting.Finish(type, Sums(tally, choiceCount), tally.QuorumPower), final: true);
        var votes = rankings.Select(r => ChoiceVote.From(r.Power, r.Ranking, [])).ToList();
        var total = votes.Aggregate(BigInteger.Zero, (sum, v) => sum + v.Power);
        return Describe(RankedChoice.Count(choiceCount, votes, total), final: true);
    }

    private static IReadOnlyList<BigInteger> Sums(Tally tally, int choiceCount) =>
        tally.ChoiceSums.IsDefaultOrEmpty ? new BigInteger[choiceCount] : tally.ChoiceSums;

    private static ChoiceOutcome Describe(ChoiceScores scores, bool final)
    {
        var winner = scores.Winner;
        var totalScaled = scores.TotalPower * ChoiceCounting.Scale;
        var share = winner is { } w && !totalScaled.IsZero ? (int)(scores.Scaled[w] * Counting.BasisPoints / totalScaled) : 0;
        return new ChoiceOutcome
        {
            Scores = [.. Enumerable.Range(0, scores.Scaled.Length).Select(scores.Format)],
            TotalPower = scores.TotalPower.ToString(),
            Winner = winner + 1,
            WinnerShareBps = share,
            Rounds = scores.Rounds.IsDefaultOrEmpty
                ? []
                : [.. scores.Rounds.Select(round => round.Select(s => Format(s)).ToImmutableArray())],
            Final = final,
        };
    }

    /// <summary>A whole-power round score in the scores' 18-decimal format.</summary>
    private static string Format(BigInteger power) => $"{power}.{new string('0', ChoiceCounting.Decimals)}";
}
