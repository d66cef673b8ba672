using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class ConstitutionBoundsTests
{
    private static readonly ConstitutionBounds Parent = new()
    {
        MinQuorumBps = 400,
        MinApprovalThresholdBps = 5500,
        MinVotingPeriod = TimeSpan.FromDays(1),
        MaxVotingPeriod = TimeSpan.FromDays(14),
        MinTimelockDelay = TimeSpan.FromHours(12),
        AllowedActions = ActionKinds.All & ~ActionKinds.CreateSubDao,
    };

    /// <summary>A child constitution whose classes and own sub-bounds sit exactly on the parent's limits.</summary>
    private static Constitution Child(Func<ProposalClass, ProposalClass>? change = null, ConstitutionBounds? subBounds = null)
    {
        var grant = Standard with { Name = "grant", QuorumBps = 400, ApprovalThresholdBps = 5500, VotingPeriod = TimeSpan.FromDays(1), TimelockDelay = TimeSpan.FromHours(12) };
        var constitutional = Constitutional with { AllowedActions = ActionKinds.AmendConstitution, VotingPeriod = TimeSpan.FromDays(14) };
        return new Constitution
        {
            Version = 1,
            Classes = [constitutional, change is null ? grant : change(grant)],
            SubDaoBounds = subBounds ?? Parent,
        };
    }

    private static void AssertOutside(Constitution child)
    {
        var e = Assert.Throws<GovernanceException>(() => ConstitutionRules.ValidateWithin(child, Parent));
        Assert.Equal(GovernanceError.ConstitutionViolation, e.Error);
    }

    [Fact]
    public void A_child_exactly_on_the_parents_limits_is_within_them()
    {
        ConstitutionRules.Validate(Child());
        ConstitutionRules.ValidateWithin(Child(), Parent);
    }

    [Fact]
    public void A_child_stricter_than_the_parents_limits_is_within_them() =>
        ConstitutionRules.ValidateWithin(Child(c => c with { QuorumBps = 800, ApprovalThresholdBps = 6000, TimelockDelay = TimeSpan.FromDays(2) }), Parent);

    [Fact]
    public void A_quorum_below_the_floor_is_refused() => AssertOutside(Child(c => c with { QuorumBps = 399 }));

    [Fact]
    public void An_approval_below_the_floor_is_refused() => AssertOutside(Child(c => c with { ApprovalThresholdBps = 5499 }));

    [Fact]
    public void A_voting_period_shorter_than_the_minimum_is_refused() =>
        AssertOutside(Child(c => c with { VotingPeriod = TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1) }));

    [Fact]
    public void A_voting_period_longer_than_the_maximum_is_refused() =>
        AssertOutside(Child(c => c with { VotingPeriod = TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1) }));

    [Fact]
    public void A_timelock_shorter_than_the_minimum_is_refused() =>
        AssertOutside(Child(c => c with { TimelockDelay = TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1) }));

    [Fact]
    public void An_action_kind_the_parent_does_not_allow_is_refused() =>
        AssertOutside(Child(c => c with { AllowedActions = ActionKinds.TreasuryTransfer | ActionKinds.CreateSubDao }));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Sub_bounds_looser_than_the_parents_are_refused(int which) => AssertOutside(Child(subBounds: which switch
    {
        0 => Parent with { MinQuorumBps = 399 },
        1 => Parent with { MinApprovalThresholdBps = 5499 },
        2 => Parent with { MinVotingPeriod = TimeSpan.FromHours(23) },
        3 => Parent with { MaxVotingPeriod = TimeSpan.FromDays(15) },
        4 => Parent with { MinTimelockDelay = TimeSpan.FromHours(11) },
        _ => Parent with { AllowedActions = ActionKinds.All },
    }));

    [Fact]
    public void Sub_bounds_stricter_than_the_parents_are_accepted() =>
        ConstitutionRules.ValidateWithin(Child(subBounds: Parent with
        {
            MinQuorumBps = 1000, MinApprovalThresholdBps = 6000, MinVotingPeriod = TimeSpan.FromDays(2),
            MaxVotingPeriod = TimeSpan.FromDays(7), MinTimelockDelay = TimeSpan.FromDays(1), AllowedActions = ActionKinds.TreasuryTransfer,
        }), Parent);
}
