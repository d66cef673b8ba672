using System.Numerics;
using Blocktrack.Grains.Governance.Choices;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests;

/// <summary>Snapshot's counting types on hand-checked ballot sets; the snapshot.js differential test covers random ones.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class ChoiceCountingTests
{
    private static ChoiceVote Vote(long power, params int[] choices) => new(power, choices);

    private static ChoiceVote Weighted(long power, params (int Choice, ulong Weight)[] weights) =>
        new(power, [.. weights.Select(w => w.Choice)], [.. weights.Select(w => w.Weight)]);

    private static BigInteger[] Whole(ChoiceScores scores) => [.. scores.Scaled.Select(s => s / ChoiceCounting.Scale)];

    [Fact]
    public void Single_choice_gives_each_voter_s_whole_power_to_its_choice()
    {
        var scores = ChoiceCounting.Count(CountingType.SingleChoice, 3, [Vote(5, 0), Vote(7, 2), Vote(1, 0)]);
        Assert.Equal([6, 0, 7], Whole(scores));
        Assert.Equal(13, scores.TotalPower);
        Assert.Equal(2, scores.Winner);
    }

    [Fact]
    public void Approval_gives_the_whole_power_to_every_approved_choice_and_an_empty_approval_still_counts_in_the_total()
    {
        var scores = ChoiceCounting.Count(CountingType.Approval, 3, [Vote(5, 0, 1), Vote(7, 1), Vote(2)]);
        Assert.Equal([5, 12, 0], Whole(scores));
        Assert.Equal(14, scores.TotalPower);
    }

    [Fact]
    public void Weighted_splits_power_by_the_weights_in_fixed_point()
    {
        var scores = ChoiceCounting.Count(CountingType.Weighted, 2, [Weighted(10, (0, 1), (1, 2))]);
        Assert.Equal("3.333333333333333333", scores.Format(0));
        Assert.Equal("6.666666666666666666", scores.Format(1));
    }

    [Fact]
    public void Quadratic_favours_many_small_voters_over_one_large_one()
    {
        // Four voters of 25 give choice 1 (4·√25)² = 400; one voter of 100 gives choice 2 (√100)² = 100; rescaled to 200.
        var scores = ChoiceCounting.Count(CountingType.Quadratic, 2,
            [Weighted(25, (0, 1)), Weighted(25, (0, 1)), Weighted(25, (0, 1)), Weighted(25, (0, 1)), Weighted(100, (1, 1))]);
        Assert.Equal("160.000000000000000000", scores.Format(0));
        Assert.Equal("40.000000000000000000", scores.Format(1));
        Assert.Equal(0, scores.Winner);
    }

    [Fact]
    public void Quadratic_scores_add_up_to_the_total_power_within_rounding()
    {
        var scores = ChoiceCounting.Count(CountingType.Quadratic, 3, [Weighted(7, (0, 1), (2, 5)), Weighted(3, (1, 2), (2, 1))]);
        var sum = scores.Scaled.Aggregate(BigInteger.Zero, (a, b) => a + b);
        Assert.InRange(10 * ChoiceCounting.Scale - sum, 0, 3);
    }

    [Fact]
    public void Quadratic_with_only_zero_power_scores_nothing() =>
        Assert.All(ChoiceCounting.Count(CountingType.Quadratic, 2, [Weighted(0, (0, 1))]).Scaled, s => Assert.Equal(0, s));

    [Fact]
    public void Ranked_choice_eliminates_the_lowest_until_a_majority()
    {
        var scores = ChoiceCounting.Count(CountingType.RankedChoice, 3, [Vote(5, 0, 1, 2), Vote(4, 1, 2, 0), Vote(3, 2, 1, 0)]);
        Assert.Equal([5, 7, 0], Whole(scores));
        Assert.Equal(2, scores.Rounds.Length);
        Assert.Equal([5, 4, 3], scores.Rounds[0].Select(s => s));
        Assert.Equal(1, scores.Winner);
    }

    [Fact]
    public void Ranked_choice_eliminates_the_lowest_numbered_of_tied_lowest_and_counts_choices_nobody_ranks_first()
    {
        // Round 1: 6, 3, 3, 0 → choice 4 (no first preferences, lowest) goes first; then 2 and 3 tie and 2 goes.
        var scores = ChoiceCounting.Count(CountingType.RankedChoice, 4,
            [Vote(6, 0, 1, 2, 3), Vote(3, 1, 2, 3, 0), Vote(3, 2, 1, 3, 0), Vote(0, 0, 1, 2, 3)]);
        Assert.Equal(3, scores.Rounds.Length);
        Assert.Equal([6, 0, 6, 0], Whole(scores));
        Assert.Equal(0, scores.Winner);
    }

    [Fact]
    public void Ranked_choice_stops_at_two_choices_even_when_tied() =>
        Assert.Equal([5, 5], Whole(ChoiceCounting.Count(CountingType.RankedChoice, 2, [Vote(5, 0, 1), Vote(5, 1, 0)])));

    [Fact]
    public void No_votes_score_nothing_and_have_no_winner()
    {
        CountingType[] types =
            [CountingType.SingleChoice, CountingType.Approval, CountingType.Weighted, CountingType.Quadratic, CountingType.RankedChoice];
        foreach (var type in types)
        {
            var scores = ChoiceCounting.Count(type, 3, []);
            Assert.All(scores.Scaled, s => Assert.Equal(0, s));
            Assert.Null(scores.Winner);
        }
    }

    [Theory]
    [InlineData(CountingType.SingleChoice, new[] { 0, 1 }, null, "exactly one")]
    [InlineData(CountingType.SingleChoice, new[] { 3 }, null, "numbered 1..3")]
    [InlineData(CountingType.Approval, new[] { 1, 1 }, null, "only once")]
    [InlineData(CountingType.RankedChoice, new[] { 0, 1 }, null, "ranks all 3")]
    [InlineData(CountingType.Weighted, new[] { 0 }, null, "one weight per choice")]
    [InlineData(CountingType.Weighted, new int[0], new ulong[0], "at least one")]
    [InlineData(CountingType.Quadratic, new[] { 0, 2 }, new ulong[] { 0, 0 }, "all be zero")]
    [InlineData(CountingType.Approval, new[] { 0 }, new ulong[] { 1 }, "only for weighted")]
    [InlineData(CountingType.Basic, new[] { 0 }, null, "basic class")]
    public void Invalid_votes_are_named_not_skipped(CountingType type, int[] choices, ulong[]? weights, string problem)
    {
        var vote = new ChoiceVote(1, choices, weights);
        Assert.Contains(problem, ChoiceCounting.Problem(type, 3, vote));
        Assert.Throws<ArgumentException>(() => ChoiceCounting.Count(type, 3, [vote]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    public void Integer_square_roots_are_floors(long n)
    {
        var root = IntegerMath.Sqrt(n);
        Assert.True(root * root <= n && (root + 1) * (root + 1) > n);
    }

    [Fact]
    public void Integer_square_roots_of_huge_numbers_are_floors()
    {
        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(1, 80)];
            random.NextBytes(bytes);
            var n = BigInteger.Abs(new BigInteger(bytes));
            var root = IntegerMath.Sqrt(n);
            Assert.True(root * root <= n && (root + 1) * (root + 1) > n, $"√{n}");
        }
    }
}
