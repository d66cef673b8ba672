using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Participation;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests;

/// <summary>The participation programme's pure rules: epochs, points and their anti-farming limits, caps, shares, badges.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class ParticipationRulesTests
{
    private static readonly string A = Samples.Address(1), B = Samples.Address(2), C = Samples.Address(3);
    private static readonly ParticipationRules Rules = new() { VotePoints = 1, ReasonPoints = 2, MinVotingPower = 100 };
    private static readonly ClosedProposal Closed = new() { Proposal = "dao/7", QuorumReached = true, Passed = true };

    private static Ballot Ballot(string voter, BigInteger power, string reason = "") =>
        new() { Voter = voter, Weight = power, Reason = reason };

    [Fact]
    public void Epochs_are_whole_periods_of_unix_time_also_before_1970()
    {
        const long week = 7 * 24 * 3600;
        Assert.Equal(0, Epochs.Of(0, week));
        Assert.Equal(0, Epochs.Of(week - 1, week));
        Assert.Equal(1, Epochs.Of(week, week));
        Assert.Equal(-1, Epochs.Of(-1, week));
        Assert.Equal(2 * week, Epochs.Start(2, week));
        Assert.Equal(3 * week, Epochs.End(2, week));
        Assert.Equal(3 * week + 3600, Epochs.ClosesAt(2, new ParticipationRules { EpochSeconds = week, SettleSeconds = 3600 }));
    }

    [Fact]
    public void A_ballot_earns_only_on_a_proposal_that_reached_quorum_and_only_with_the_minimum_power()
    {
        var none = new Dictionary<UInt128, int>();
        var hidden = new HashSet<string>();
        Assert.Equal([PointsRules.VoteCause("dao/7")],
            PointsRules.ForBallot(Rules, Closed, Ballot(A, 100), none, hidden).Select(c => c.Cause));
        Assert.Empty(PointsRules.ForBallot(Rules, Closed, Ballot(A, 99), none, hidden));
        Assert.Empty(PointsRules.ForBallot(Rules, Closed with { QuorumReached = false }, Ballot(A, 1000), none, hidden));
        // Quadratic and escrow ballots carry the power behind the weight: the minimum is on that power.
        Assert.Single(PointsRules.ForBallot(Rules, Closed, Ballot(A, 10) with { Power = 100 }, none, hidden));
    }

    [Fact]
    public void A_reason_earns_only_when_no_other_ballot_repeats_it_and_no_moderator_hid_it()
    {
        var counts = new Dictionary<UInt128, int>();
        foreach (var r in new[] { "Good plan", "  good   PLAN ", "Original thought", "", "   " }) PointsRules.CountReason(counts, r);
        Assert.Equal(2, counts.Count);
        var hidden = new HashSet<string>();
        Assert.Equal(3, PointsRules.ForBallot(Rules, Closed, Ballot(A, 500, "Original thought"), counts, hidden).Sum(c => c.Points));
        Assert.Equal(1, PointsRules.ForBallot(Rules, Closed, Ballot(B, 500, "Good plan"), counts, hidden).Sum(c => c.Points));
        Assert.Equal(1, PointsRules.ForBallot(Rules, Closed, Ballot(C, 500, " "), counts, hidden).Sum(c => c.Points));
        Assert.Equal(1, PointsRules.ForBallot(Rules, Closed, Ballot(A, 500, "Original thought"), counts, new HashSet<string> { A })
            .Sum(c => c.Points));
        Assert.Null(PointsRules.ReasonKey("\t\n"));
        Assert.Equal(PointsRules.ReasonKey("a b"), PointsRules.ReasonKey(" A\tB "));
        Assert.NotEqual(PointsRules.ReasonKey("ab"), PointsRules.ReasonKey("a b"));
    }

    [Theory]
    [InlineData(5, 0, 12, 5)]
    [InlineData(5, 10, 12, 2)]
    [InlineData(5, 12, 12, 0)]
    [InlineData(5, 20, 12, 0)]
    [InlineData(0, 0, 12, 0)]
    public void The_cap_grants_what_is_left_of_it_and_never_less_than_zero(long claimed, long earned, long cap, long granted) =>
        Assert.Equal(granted, PointsRules.Capped(claimed, earned, cap));

    [Fact]
    public void Shares_follow_points_by_largest_remainder_and_sum_to_exactly_the_budget()
    {
        var shares = RewardAllocation.Allocate(1000, [(A, 11), (B, 3)]);
        Assert.Equal([786, 214], shares.Select(s => (int)s));
        // Three equal remainders and one unit to hand out: the lowest address gets it, wherever it stands in the list.
        Assert.Equal([1, 0, 0], RewardAllocation.Allocate(1, [(A, 1), (B, 1), (C, 1)]).Select(s => (int)s));
        Assert.Equal([0, 0, 1], RewardAllocation.Allocate(1, [(C, 1), (B, 1), (A, 1)]).Select(s => (int)s));
        Assert.All(RewardAllocation.Allocate(1000, [(A, 0), (B, 0)]), s => Assert.Equal(0, s));
        Assert.Empty(RewardAllocation.Allocate(1000, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => RewardAllocation.Allocate(-1, [(A, 1)]));
    }

    [Fact]
    public void Random_epochs_never_pay_more_than_the_budget_never_below_zero_and_always_all_of_it()
    {
        var random = new Random(8);
        for (var round = 0; round < 2_000; round++)
        {
            var budget = new BigInteger(random.NextInt64(0, long.MaxValue)) * random.Next(1, 1000);
            var points = Enumerable.Range(0, random.Next(1, 60))
                .Select(i => (Samples.Address(i + 1), (long)random.Next(0, random.Next(1, 3) == 1 ? 3 : 100_000))).ToList();
            var shares = RewardAllocation.Allocate(budget, points);
            var total = points.Sum(p => p.Item2);
            Assert.All(shares, s => Assert.True(s.Sign >= 0));
            Assert.Equal(total == 0 ? BigInteger.Zero : budget, shares.Aggregate(BigInteger.Zero, (a, s) => a + s));
            // No share is more than one unit away from its exact proportion.
            for (var i = 0; i < shares.Length && total > 0; i++)
            {
                var exact = budget * points[i].Item2;
                Assert.True(shares[i] * total <= exact + total && shares[i] * total >= exact - total);
            }
        }
    }

    [Fact]
    public void A_budget_draws_its_amount_per_epoch_in_its_epochs_and_never_more_than_the_treasury_holds()
    {
        RewardBudget budget = new() { Asset = "btk", AmountPerEpoch = 600, FirstEpoch = 10, LastEpoch = 11 };
        var treasury = System.Collections.Immutable.ImmutableDictionary<string, BigInteger>.Empty.Add("btk", 1000);
        var (draws, after) = RewardBudgets.Draw([budget], treasury, 10);
        Assert.Equal(600, Assert.Single(draws).Amount);
        Assert.Equal(400, after["btk"]);
        (draws, after) = RewardBudgets.Draw([budget], after, 11);
        Assert.Equal(400, Assert.Single(draws).Amount);
        Assert.Equal(0, after["btk"]);
        Assert.Empty(RewardBudgets.Draw([budget], treasury, 9).Draws);
        Assert.Empty(RewardBudgets.Draw([budget], treasury, 12).Draws);
        Assert.Empty(RewardBudgets.Draw([budget], after, 11).Draws);
    }

    [Fact]
    public void Participation_is_the_share_of_the_last_closed_proposals_voted_on()
    {
        List<long> voted = [1, 2, 4, 5, 6, 9, 10];
        Assert.Equal(7000, BadgeRules.ParticipationBps(voted, 10, 10));
        Assert.Equal(6000, BadgeRules.ParticipationBps(voted, 10, 5));
        Assert.Equal(10_000, BadgeRules.ParticipationBps(voted, 2, 2));
        Assert.Null(BadgeRules.ParticipationBps(voted, 9, 10));
        var rule = new BadgeRule { Id = "regular", Name = "Regular", Kind = BadgeKind.Participation, Threshold = 9000, Window = 20 };
        Assert.False(BadgeRules.Meets(rule, new BadgeRules.Record(7, 0, voted, 10, null)));
        Assert.True(BadgeRules.Meets(rule, new BadgeRules.Record(20, 0, [.. Enumerable.Range(3, 18).Select(i => (long)i)], 20, null)));
    }

    [Fact]
    public void Each_badge_is_earned_once_by_its_own_measure()
    {
        BadgeRule[] rules =
        [
            new() { Id = "first-ballot", Name = "First ballot", Kind = BadgeKind.Ballots, Threshold = 1 },
            new() { Id = "ten-ballots", Name = "Ten ballots", Kind = BadgeKind.Ballots, Threshold = 10 },
            new() { Id = "proposer", Name = "Proposal passed", Kind = BadgeKind.ProposalsPassed, Threshold = 1 },
            new() { Id = "top-10", Name = "Top 10", Kind = BadgeKind.TopParticipant, Threshold = 10 },
        ];
        var record = new BadgeRules.Record(10, 0, [], 0, Rank: 10);
        Assert.Equal(["first-ballot", "ten-ballots", "top-10"], BadgeRules.Earned(rules, record, new HashSet<string>()).Select(b => b.Id));
        Assert.Equal(["ten-ballots", "top-10"], BadgeRules.Earned(rules, record, new HashSet<string> { "first-ballot" }).Select(b => b.Id));
        Assert.Empty(BadgeRules.Earned(rules, record with { Ballots = 0, Rank = 11 }, new HashSet<string>()));
    }

    [Fact]
    public void A_programme_is_checked_with_the_constitution()
    {
        ProgrammeRules.Validate(new ParticipationRules());
        Assert.Equal(GovernanceError.ConstitutionViolation, Refused(new ParticipationRules { EpochSeconds = 60 }));
        Assert.Equal(GovernanceError.ConstitutionViolation, Refused(new ParticipationRules { SettleSeconds = 7 * 24 * 3600 }));
        Assert.Equal(GovernanceError.ConstitutionViolation, Refused(new ParticipationRules { VotePoints = -1 }));
        Assert.Equal(GovernanceError.ConstitutionViolation, Refused(new ParticipationRules { CapPerEpoch = 0 }));
        Assert.Equal(GovernanceError.ConstitutionViolation, Refused(new ParticipationRules { MinVotingPower = -5 }));
        BadgeRule badge = new() { Id = "first", Name = "First", Kind = BadgeKind.Ballots, Threshold = 1 };
        Assert.Equal(GovernanceError.ConstitutionViolation, Refused(new ParticipationRules { Badges = [badge, badge] }));
        Assert.Equal(GovernanceError.ConstitutionViolation, Refused(new ParticipationRules { Badges = [badge with { Id = "No" }] }));
        Assert.Equal(GovernanceError.ConstitutionViolation, Refused(new ParticipationRules { Badges = [badge with { Threshold = 0 }] }));
        Assert.Equal(GovernanceError.ConstitutionViolation,
            Refused(new ParticipationRules { Badges = [badge with { Kind = BadgeKind.Participation, Threshold = 9000, Window = 0 }] }));
    }

    private static GovernanceError Refused(ParticipationRules p) =>
        Assert.Throws<GovernanceException>(() => ProgrammeRules.Validate(p)).Error;
}
