using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class TallyTests
{
    private static readonly Tally Start = new() { For = 100, Against = 50, Abstain = 10, Voters = 4, QuorumPower = 110 };

    [Theory]
    [InlineData(Support.For, 107, 50, 10, 117)]
    [InlineData(Support.Against, 100, 57, 10, 110)]
    [InlineData(Support.Abstain, 100, 50, 17, 117)]
    public void A_first_ballot_adds_its_weight_to_its_support_and_counts_a_voter(
        Support support, int @for, int against, int abstain, int quorumPower)
    {
        var t = Counting.Apply(Start, null, Ballot(1, support, 7));
        Assert.Equal(new Tally { For = @for, Against = against, Abstain = abstain, Voters = 5, QuorumPower = quorumPower }, t);
    }

    [Fact]
    public void A_replacement_that_changes_support_moves_the_weight_and_keeps_the_voter_count()
    {
        var t = Counting.Apply(Start, Ballot(1, Support.For, 30), Ballot(1, Support.Against, 30, 1));
        Assert.Equal(new Tally { For = 70, Against = 80, Abstain = 10, Voters = 4, QuorumPower = 80 }, t);
    }

    [Fact]
    public void A_replacement_that_keeps_support_swaps_the_old_weight_for_the_new()
    {
        var t = Counting.Apply(Start, Ballot(1, Support.Abstain, 10), Ballot(1, Support.Abstain, 4, 1));
        Assert.Equal(new Tally { For = 100, Against = 50, Abstain = 4, Voters = 4, QuorumPower = 104 }, t);
    }

    [Fact]
    public void Applying_leaves_the_input_tally_unchanged()
    {
        _ = Counting.Apply(Start, null, Ballot(1, Support.For, 7));
        Assert.Equal(new Tally { For = 100, Against = 50, Abstain = 10, Voters = 4, QuorumPower = 110 }, Start);
    }

    [Fact]
    public void Recompute_of_an_empty_log_is_the_empty_tally() =>
        Assert.Equal(Tally.Empty, Counting.Recompute([]));

    [Fact]
    public void Recompute_counts_only_each_voters_latest_ballot()
    {
        Ballot[] log =
        [
            Ballot(1, Support.For, 100, 1),
            Ballot(2, Support.Against, 40, 1),
            Ballot(3, Support.Abstain, 5, 1),
            Ballot(1, Support.Against, 100, 2),
            Ballot(2, Support.Against, 40, 2),
            Ballot(1, Support.For, 100, 3),
            Ballot(4, Support.For, 1, 3),
        ];
        Assert.Equal(new Tally { For = 101, Against = 40, Abstain = 5, Voters = 4, QuorumPower = 106 }, Counting.Recompute(log));
    }

    [Fact]
    public void Recompute_over_a_log_with_replacements_equals_incremental_application()
    {
        var random = new Random(20240601);
        var log = Enumerable.Range(0, 500)
            .Select(i => Ballot(random.Next(1, 40), (Support)random.Next(0, 3), random.Next(1, 1_000_000), i))
            .ToList();

        var incremental = Tally.Empty;
        var latest = new Dictionary<string, Ballot>();
        foreach (var b in log)
        {
            incremental = Counting.Apply(incremental, latest.GetValueOrDefault(b.Voter), b);
            latest[b.Voter] = b;
        }

        var recomputed = Counting.Recompute(log);
        Assert.Equal(incremental, recomputed);
        Assert.Equal(latest.Count, recomputed.Voters);
        Assert.Equal(latest.Values.Where(b => b.Support == Support.For).Aggregate(BigInteger.Zero, (s, b) => s + b.Weight), recomputed.For);
        Assert.Equal(latest.Values.Where(b => b.Support == Support.Against).Aggregate(BigInteger.Zero, (s, b) => s + b.Weight), recomputed.Against);
        Assert.Equal(latest.Values.Where(b => b.Support == Support.Abstain).Aggregate(BigInteger.Zero, (s, b) => s + b.Weight), recomputed.Abstain);
    }

    [Fact]
    public void Shard_tallies_sum_field_by_field_and_nothing_sums_to_empty()
    {
        var other = new Tally { For = 1, Against = 2, Abstain = 3, Voters = 2, QuorumPower = 4 };
        Assert.Equal(new Tally { For = 101, Against = 52, Abstain = 13, Voters = 6, QuorumPower = 114 }, Counting.Sum([Start, other]));
        Assert.Equal(Tally.Empty, Counting.Sum([]));
    }
}
