using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests.Voting;

/// <summary>Dynamic quorum (Nouns), super-quorum (OpenZeppelin GovernorSuperQuorum) and the choice-class outcome.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class QuorumVariantTests
{
    private static readonly DynamicQuorum Nouns = new() { MinBps = 1000, MaxBps = 2000, Coefficient = 1_500_000 };

    private static ProposalFacts Facts(Tally tally, BigInteger votable, DynamicQuorum? dynamic = null, int superBps = 0) => new()
    {
        Tally = tally,
        Votable = votable,
        QuorumRequired = Counting.QuorumRequired(votable, dynamic?.MinBps ?? 1000),
        ApprovalThresholdBps = 5000,
        DynamicQuorum = dynamic,
        SuperQuorumBps = superBps,
    };

    [Theory]
    [InlineData(0, 1000)] // no opposition: the minimum
    [InlineData(100, 1015)] // coefficient 0.15: 100 bps against add 15 bps
    [InlineData(500, 1075)]
    [InlineData(6666, 1999)] // 999.9 rounds down
    [InlineData(6667, 2000)] // exactly at the maximum
    [InlineData(10_000, 2000)] // capped
    public void Dynamic_quorum_rises_with_against_from_its_minimum_to_its_maximum(int againstBps, int expected)
    {
        // The coefficient has 6 decimals: 150,000 = 0.15 bps of quorum per bps of against.
        var votable = new BigInteger(1_000_000);
        var against = votable * againstBps / 10_000;
        var q = new DynamicQuorum { MinBps = 1000, MaxBps = 2000, Coefficient = 150_000 };
        Assert.Equal(expected, Outcome.DynamicQuorumBps(q, against, votable));
    }

    [Fact]
    public void Dynamic_quorum_uses_floor_division_at_each_step()
    {
        // againstBps = floor(10,000 × 1 / 3) = 3333; adjustment = floor(1,500,000 × 3333 / 10^6) = 4999.
        Assert.Equal(2000, Outcome.DynamicQuorumBps(Nouns, 1, 3));
        var q = new DynamicQuorum { MinBps = 0, MaxBps = 10_000, Coefficient = 1_500_000 };
        Assert.Equal(4999, Outcome.DynamicQuorumBps(q, 1, 3));
    }

    [Fact]
    public void A_proposal_that_meets_the_minimum_fails_once_against_raises_the_dynamic_quorum()
    {
        // votable 10,000: min quorum 1,000 For+Abstain. 1,200 For passes alone...
        Assert.True(Outcome.Passed(Facts(new Tally { For = 1200 }, 10_000, Nouns)));
        // ...but 400 against (400 bps) raises the quorum to 1000 + 1.5 × 400 = 1600 bps = 1,600 votes.
        Assert.False(Outcome.Passed(Facts(new Tally { For = 1200, Against = 400 }, 10_000, Nouns)));
        Assert.Equal((BigInteger?)1600, Outcome.QuorumRequired(Facts(new Tally { For = 1200, Against = 400 }, 10_000, Nouns), new Tally { Against = 400 }));
        Assert.True(Outcome.Passed(Facts(new Tally { For = 1200, Abstain = 400, Against = 400 }, 10_000, Nouns)));
    }

    [Fact]
    public void Dynamic_quorum_at_its_maximum_is_met_exactly_and_not_one_below()
    {
        var against = new BigInteger(5000); // 5000 bps against: capped at 2000 bps = 2,000 votes needed
        Assert.True(Outcome.QuorumReached(Facts(new Tally { For = 6000, Against = against }, 10_000, Nouns), new Tally
        {
            For = 2000, Against = against,
        }));
        Assert.False(Outcome.QuorumReached(Facts(Tally.Empty, 10_000, Nouns), new Tally { For = 1999, Against = against }));
    }

    [Fact]
    public void Super_quorum_needs_for_alone_to_reach_it_and_the_vote_to_succeed()
    {
        var f = Facts(Tally.Empty, 10_000, superBps: 3000);
        Assert.True(Outcome.SuperQuorumReached(f, new Tally { For = 3000 }));
        Assert.False(Outcome.SuperQuorumReached(f, new Tally { For = 2999, Abstain = 5000 }));
        Assert.False(Outcome.SuperQuorumReached(f, new Tally { For = 3000, Against = 3000 }));
        Assert.False(Outcome.SuperQuorumReached(f with { SuperQuorumBps = 0 }, new Tally { For = 10_000 }));
        Assert.False(Outcome.SuperQuorumReached(f with { Votable = null }, new Tally { For = 10_000 }));
    }

    [Fact]
    public void A_choice_class_needs_quorum_on_all_ballots_and_the_minimum_winning_share()
    {
        var outcome = new ChoiceOutcome { Winner = 2, WinnerShareBps = 4000, Final = true };
        var f = Facts(new Tally { QuorumPower = 1000, Outcome = outcome }, 10_000) with
        {
            Counting = CountingType.SingleChoice,
            MinWinningShareBps = 4000,
        };
        Assert.True(Outcome.Passed(f));
        Assert.False(Outcome.Passed(f with { MinWinningShareBps = 4001 }));
        Assert.False(Outcome.Passed(f with { Tally = f.Tally with { QuorumPower = 999 } }));
        Assert.False(Outcome.Passed(f with { Tally = f.Tally with { Outcome = outcome with { Winner = null } } }));
    }

    [Fact]
    public void A_quadratic_basic_class_measures_quorum_on_raw_power_and_approval_on_square_roots()
    {
        // For: one whale of 900 (weight 30); Against: nine voters of 16 (weight 4 each, 36 in all); votable 10,000.
        var tally = new Tally { For = 30, Against = 36, QuorumPower = 900 };
        var f = Facts(tally, 10_000) with { QuadraticPower = true, QuorumRequired = 800 };
        Assert.True(Outcome.QuorumReached(f, tally));
        Assert.False(Outcome.Passed(f)); // √ weights: 30 For < 36 Against
        Assert.True(Outcome.Passed(f with { Tally = tally with { Against = 29 } }));
    }

    [Fact]
    public void All_abstain_reaches_quorum_but_does_not_pass()
    {
        var f = Facts(new Tally { Abstain = 5000 }, 10_000);
        Assert.True(Outcome.QuorumReached(f, f.Tally));
        Assert.False(Outcome.Passed(f));
    }
}
