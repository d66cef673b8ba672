using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance.Choices;

/// <summary>
/// Snapshot's five counting types (<c>@snapshot-labs/snapshot.js</c> 0.17.5, <c>utils.voting</c>) in exact arithmetic:
/// BigInteger powers, shares and square roots in fixed point at <see cref="Decimals"/> places, no double anywhere.
/// Where Snapshot silently drops an invalid vote, <see cref="Problem"/> names what is wrong so it is refused instead.
/// </summary>
public static class ChoiceCounting
{
    public const int MinChoices = 2;
    public const int MaxChoices = 32;
    public const int Decimals = 18;
    public static readonly BigInteger Scale = BigInteger.Pow(10, Decimals);

    /// <summary>
    /// Why a vote cannot be counted under <paramref name="type"/> over <paramref name="choiceCount"/> choices; null when it
    /// can.
    /// </summary>
    public static string? Problem(CountingType type, int choiceCount, ChoiceVote vote)
    {
        if (vote.Power.Sign < 0) return "power may not be negative";
        var choices = vote.Choices;
        if (choices.Any(c => c < 0 || c >= choiceCount)) return $"choices are numbered 1..{choiceCount}";
        if (choices.Distinct().Count() != choices.Count) return "a choice may appear only once";
        var weighted = type is CountingType.Weighted or CountingType.Quadratic;
        if (!weighted && vote.Weights is { Count: > 0 }) return "weights are only for weighted and quadratic votes";
        return type switch
        {
            CountingType.SingleChoice when choices.Count != 1 => "a single-choice vote names exactly one choice",
            CountingType.RankedChoice when choices.Count != choiceCount => $"a ranked vote ranks all {choiceCount} choices",
            CountingType.Weighted or CountingType.Quadratic when choices.Count == 0 => "a weighted vote needs at least one choice",
            CountingType.Weighted or CountingType.Quadratic when vote.Weights is null || vote.Weights.Count != choices.Count =>
                "a weighted vote gives one weight per choice",
            CountingType.Weighted or CountingType.Quadratic when vote.Weights!.All(w => w == 0) => "the weights may not all be zero",
            CountingType.Basic => "a basic class counts For, Against and Abstain, not choices",
            _ => null,
        };
    }

    /// <summary>Scores of valid votes (see <see cref="Problem"/>); an invalid one is an error here, not a silent skip.</summary>
    public static ChoiceScores Count(CountingType type, int choiceCount, IReadOnlyCollection<ChoiceVote> votes)
    {
        if (choiceCount is < MinChoices or > MaxChoices)
            throw new ArgumentOutOfRangeException(nameof(choiceCount), $"a proposal has {MinChoices}..{MaxChoices} choices");
        foreach (var vote in votes)
        {
            if (Problem(type, choiceCount, vote) is { } problem) throw new ArgumentException(problem, nameof(votes));
        }
        var total = votes.Aggregate(BigInteger.Zero, (sum, v) => sum + v.Power);
        return type switch
        {
            CountingType.SingleChoice => Plain(choiceCount, votes, total),
            CountingType.Approval => Plain(choiceCount, votes, total),
            CountingType.Weighted => Weighted(choiceCount, votes, total),
            CountingType.Quadratic => Quadratic(choiceCount, votes, total),
            CountingType.RankedChoice => RankedChoice.Count(choiceCount, votes, total),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a choice counting type"),
        };
    }

    /// <summary>Single choice and approval: every named choice gets the voter's whole power.</summary>
    private static ChoiceScores Plain(int choiceCount, IEnumerable<ChoiceVote> votes, BigInteger total)
    {
        var scores = new BigInteger[choiceCount];
        foreach (var vote in votes)
        {
            foreach (var c in vote.Choices) scores[c] += vote.Power;
        }
        return new ChoiceScores { Scaled = [.. scores.Select(s => s * Scale)], TotalPower = total };
    }

    /// <summary>Choice i gets power · wᵢ / Σw of every vote (Snapshot then rescales to the total, which changes nothing exactly).</summary>
    private static ChoiceScores Weighted(int choiceCount, IEnumerable<ChoiceVote> votes, BigInteger total)
    {
        var scores = new BigInteger[choiceCount];
        foreach (var vote in votes)
        {
            var sum = WeightSum(vote);
            for (var k = 0; k < vote.Choices.Count; k++)
                scores[vote.Choices[k]] += vote.Power * vote.Weights![k] * Scale / sum;
        }
        return new ChoiceScores { Scaled = [.. scores], TotalPower = total };
    }

    /// <summary>
    /// Snapshot's quadratic formula: raw score of choice i = (Σ_voters √(wᵢ/Σw · power))², then every raw score is scaled
    /// so that they add up to the total power of the votes. Square roots are taken at <see cref="Decimals"/> places.
    /// </summary>
    private static ChoiceScores Quadratic(int choiceCount, IEnumerable<ChoiceVote> votes, BigInteger total)
    {
        var roots = new BigInteger[choiceCount];
        var scaleSquared = Scale * Scale;
        foreach (var vote in votes)
        {
            var sum = WeightSum(vote);
            for (var k = 0; k < vote.Choices.Count; k++)
                roots[vote.Choices[k]] += IntegerMath.Sqrt(vote.Power * vote.Weights![k] * scaleSquared / sum);
        }
        var raw = roots.Select(r => r * r).ToArray();
        var rawSum = raw.Aggregate(BigInteger.Zero, (a, b) => a + b);
        var scaled = rawSum.IsZero ? raw.Select(_ => BigInteger.Zero) : raw.Select(r => total * Scale * r / rawSum);
        return new ChoiceScores { Scaled = [.. scaled], TotalPower = total };
    }

    private static BigInteger WeightSum(ChoiceVote vote) => vote.Weights!.Aggregate(BigInteger.Zero, (a, w) => a + w);
}
