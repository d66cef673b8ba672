using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Choices;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests.Voting;

/// <summary>
/// What shards keep (additive per-choice sums, replaced ballots taken back) and what the proposal merges must give
/// exactly the scores of counting the latest ballots in one go.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class ChoiceTallyTests
{
    private static readonly CountingType[] Types =
        [CountingType.SingleChoice, CountingType.Approval, CountingType.Weighted, CountingType.Quadratic, CountingType.RankedChoice];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sharded_tallies_with_replacements_equal_one_count_of_the_latest_ballots(int seed)
    {
        var random = new Random(seed);
        foreach (var type in Types)
        {
            for (var round = 0; round < 40; round++)
            {
                var choices = random.Next(2, 9);
                var log = new List<Ballot>();
                var voters = random.Next(1, 30);
                for (var i = 0; i < voters + random.Next(0, 10); i++)
                    log.Add(RandomBallot(random, type, choices, Samples.Address(random.Next(voters) + 1), timestamp: i));
                var shards = log.GroupBy(b => BallotShards.Of(b.Voter, 4)).Select(g => g.ToList()).ToList();
                var tally = Counting.Sum(shards.Select(s => Counting.Recompute(s, type, choices)));
                var latest = log.GroupBy(b => b.Voter).Select(g => g.Last()).ToList();
                var rankings = latest.Select(b => new RankedBallot { Power = b.RawPower, Ranking = b.Choices });

                var outcome = ChoiceOutcomes.Final(type, choices, tally, rankings);
                var direct = ChoiceCounting.Count(type, choices, [.. latest.Select(ChoiceVote.From)]);

                Assert.Equal(Enumerable.Range(0, choices).Select(direct.Format), outcome.Scores);
                Assert.Equal(direct.TotalPower.ToString(), outcome.TotalPower);
                Assert.Equal(direct.Winner + 1, outcome.Winner);
                Assert.Equal(latest.Count, tally.Voters);
                Assert.Equal(direct.TotalPower, tally.QuorumPower);
            }
        }
    }

    [Fact]
    public void A_live_ranked_tally_shows_first_preferences_and_the_final_one_runs_the_rounds()
    {
        // 4 choices; first preferences 40 / 35 / 25 / 0: choice 4 and then 3 are eliminated, and 3's voters prefer 2.
        Ballot[] ballots =
        [
            Ranked(1, 40, 1, 2, 3, 4),
            Ranked(2, 35, 2, 1, 3, 4),
            Ranked(3, 25, 3, 2, 1, 4),
        ];
        var tally = Counting.Recompute(ballots, CountingType.RankedChoice, 4);
        var live = ChoiceOutcomes.Live(CountingType.RankedChoice, 4, tally);
        Assert.False(live.Final);
        Assert.Equal(1, live.Winner);
        Assert.Equal("40.000000000000000000", live.Scores[0]);

        var final = ChoiceOutcomes.Final(CountingType.RankedChoice, 4, tally,
            ballots.Select(b => new RankedBallot { Power = b.RawPower, Ranking = b.Choices }));
        Assert.True(final.Final);
        Assert.Equal(2, final.Winner);
        Assert.Equal(6000, final.WinnerShareBps);
        Assert.Equal(["40.000000000000000000", "60.000000000000000000", "0.000000000000000000", "0.000000000000000000"], final.Scores.ToArray());
        Assert.True(final.Rounds.Length >= 2);
    }

    [Fact]
    public void Quorum_power_of_a_quadratic_basic_class_is_the_raw_power_of_for_and_abstain()
    {
        Ballot[] ballots =
        [
            new() { Voter = Samples.Address(1), Support = Support.For, Weight = 10, Power = 100 },
            new() { Voter = Samples.Address(2), Support = Support.Abstain, Weight = 3, Power = 9 },
            new() { Voter = Samples.Address(3), Support = Support.Against, Weight = 20, Power = 400 },
        ];
        var tally = Counting.Recompute(ballots);
        Assert.Equal((BigInteger)10, tally.For);
        Assert.Equal((BigInteger)20, tally.Against);
        Assert.Equal((BigInteger)109, tally.QuorumPower);
    }

    private static Ballot Ranked(int voter, long power, params ushort[] ranking) =>
        new() { Voter = Samples.Address(voter), Weight = power, Choices = [.. ranking] };

    private static Ballot RandomBallot(Random random, CountingType type, int choiceCount, string voter, long timestamp)
    {
        var power = random.Next(4) == 0 ? BigInteger.Zero : new BigInteger(random.NextInt64(1, long.MaxValue)) * random.Next(1, 1000);
        var all = Enumerable.Range(1, choiceCount).Select(c => (ushort)c).OrderBy(_ => random.Next()).ToArray();
        ImmutableArray<ushort> choices = type switch
        {
            CountingType.SingleChoice => [all[0]],
            CountingType.RankedChoice => [.. all],
            _ => [.. all.Take(random.Next(1, choiceCount + 1))],
        };
        ImmutableArray<ulong> weights = type is CountingType.Weighted or CountingType.Quadratic
            ? [.. choices.Select((_, k) => k == 0 ? (ulong)random.Next(1, 100) : (ulong)random.Next(0, 100))]
            : [];
        return new Ballot { Voter = voter, Weight = power, Choices = choices, Weights = weights, Timestamp = timestamp };
    }
}
