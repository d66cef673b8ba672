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
        if (type == CountingType.RankedChoice) return RankedChoice.Count(choiceCount, votes, total);
        var sums = new BigInteger[choiceCount];
        foreach (var vote in votes) Add(type, sums, vote, +1);
        return Finish(type, sums, total);
    }

    /// <summary>
    /// Adds (<paramref name="sign"/> = +1) or takes back (−1) one vote's part of the additive sums a tally keeps per choice:
    /// scores in fixed point for single-choice, approval and weighted; √(share · power) in fixed point for quadratic; the
    /// first preference for ranked choice (only the live view: the final count needs every ranking). Taking back the same
    /// vote subtracts exactly what adding it added, so a replaced ballot leaves no rounding behind.
    /// </summary>
    public static void Add(CountingType type, BigInteger[] sums, ChoiceVote vote, int sign)
    {
        switch (type)
        {
            case CountingType.SingleChoice or CountingType.Approval:
                foreach (var c in vote.Choices) sums[c] += sign * vote.Power * Scale;
                break;
            case CountingType.RankedChoice:
                if (vote.Choices.Count > 0) sums[vote.Choices[0]] += sign * vote.Power * Scale;
                break;
            case CountingType.Weighted:
            {
                // Choice i gets power · wᵢ / Σw (Snapshot then rescales to the total, which changes nothing exactly).
                var sum = WeightSum(vote);
                for (var k = 0; k < vote.Choices.Count; k++)
                    sums[vote.Choices[k]] += sign * (vote.Power * vote.Weights![k] * Scale / sum);
                break;
            }
            case CountingType.Quadratic:
            {
                var sum = WeightSum(vote);
                var scaleSquared = Scale * Scale;
                for (var k = 0; k < vote.Choices.Count; k++)
                    sums[vote.Choices[k]] += sign * IntegerMath.Sqrt(vote.Power * vote.Weights![k] * scaleSquared / sum);
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "not a choice counting type");
        }
    }

    /// <summary>
    /// Scores from the additive sums (see <see cref="Add"/>) and the total power of the votes. Snapshot's quadratic formula:
    /// raw score of choice i = (Σ_voters √(wᵢ/Σw · power))², then every raw score is scaled so that they add up to the total
    /// power. For ranked choice this is the first round only; <see cref="RankedChoice.Count"/> runs the rounds.
    /// </summary>
    public static ChoiceScores Finish(CountingType type, IReadOnlyList<BigInteger> sums, BigInteger total)
    {
        if (type != CountingType.Quadratic) return new ChoiceScores { Scaled = [.. sums], TotalPower = total };
        var raw = sums.Select(r => r * r).ToArray();
        var rawSum = raw.Aggregate(BigInteger.Zero, (a, b) => a + b);
        var scaled = rawSum.IsZero ? raw.Select(_ => BigInteger.Zero) : raw.Select(r => total * Scale * r / rawSum);
        return new ChoiceScores { Scaled = [.. scaled], TotalPower = total };
    }

    private static BigInteger WeightSum(ChoiceVote vote) => vote.Weights!.Aggregate(BigInteger.Zero, (a, w) => a + w);
}
