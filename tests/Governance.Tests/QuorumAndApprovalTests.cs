using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class QuorumAndApprovalTests
{
    [Theory]
    [InlineData(999, 400, 39)]
    [InlineData(1000, 400, 40)]
    [InlineData(1_000_000, 1, 100)]
    [InlineData(9_999, 1, 0)]
    [InlineData(12_345, 10_000, 12_345)]
    [InlineData(12_345, 0, 0)]
    public void QuorumRequired_is_the_floor_of_votable_times_bps(int votable, int bps, int expected) =>
        Assert.Equal(new BigInteger(expected), Counting.QuorumRequired(votable, bps));

    [Fact]
    public void QuorumRequired_does_not_overflow_on_token_sized_supplies()
    {
        var votable = BigInteger.Parse("1000000000000000000000000000"); // 1e9 tokens of 18 decimals
        Assert.Equal(BigInteger.Parse("40000000000000000000000000"), Counting.QuorumRequired(votable, 400));
    }

    [Fact]
    public void Quorum_is_reached_at_exactly_the_required_amount() =>
        Assert.True(Counting.QuorumReached(new Tally { For = 40 }, 40));

    [Fact]
    public void Quorum_is_not_reached_one_below_the_required_amount() =>
        Assert.False(Counting.QuorumReached(new Tally { For = 39 }, 40));

    [Fact]
    public void Quorum_counts_abstain_together_with_for() =>
        Assert.True(Counting.QuorumReached(new Tally { For = 10, Abstain = 30 }, 40));

    [Fact]
    public void Quorum_does_not_count_against() =>
        Assert.False(Counting.QuorumReached(new Tally { For = 10, Abstain = 29, Against = 1_000 }, 40));

    [Fact]
    public void A_zero_quorum_is_reached_by_an_empty_tally() =>
        Assert.True(Counting.QuorumReached(Tally.Empty, 0));

    [Theory]
    [InlineData(50, 50, 5000)]
    [InlineData(0, 0, 5000)]
    [InlineData(1000, 1000, 5000)]
    public void For_equal_to_against_fails_even_at_a_simple_majority(int @for, int against, int bps) =>
        Assert.False(Counting.VoteSucceeded(new Tally { For = @for, Against = against }, bps));

    [Theory]
    [InlineData(60, 40, 6000, true)]
    [InlineData(59, 41, 6000, false)]
    [InlineData(3, 2, 6000, true)]
    [InlineData(5999, 4001, 6000, false)]
    [InlineData(51, 49, 5000, true)]
    [InlineData(6667, 3333, 6667, true)]
    [InlineData(6666, 3334, 6667, false)]
    public void Approval_threshold_holds_from_exactly_the_threshold_share_of_for_plus_against(int @for, int against, int bps, bool passes) =>
        Assert.Equal(passes, Counting.VoteSucceeded(new Tally { For = @for, Against = against }, bps));

    [Fact]
    public void Two_thirds_misses_a_6667_bps_threshold() =>
        Assert.False(Counting.VoteSucceeded(new Tally { For = 2, Against = 1 }, 6667));

    [Fact]
    public void Unanimous_for_passes_a_10000_bps_threshold() =>
        Assert.True(Counting.VoteSucceeded(new Tally { For = 1, Against = 0, Abstain = 99 }, 10_000));

    [Fact]
    public void Abstain_does_not_dilute_approval() =>
        Assert.True(Counting.VoteSucceeded(new Tally { For = 60, Against = 40, Abstain = 1_000_000 }, 6000));

    [Fact]
    public void Passed_needs_both_quorum_and_approval()
    {
        Assert.True(Counting.Passed(new Tally { For = 60, Against = 40 }, 60, 6000));
        Assert.False(Counting.Passed(new Tally { For = 60, Against = 40 }, 61, 6000));
        Assert.False(Counting.Passed(new Tally { For = 59, Against = 41, Abstain = 500 }, 60, 6000));
    }
}
