using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class ConstitutionValidationTests
{
    private static void AssertViolation(Constitution c)
    {
        var e = Assert.Throws<GovernanceException>(() => ConstitutionRules.Validate(c));
        Assert.Equal(GovernanceError.ConstitutionViolation, e.Error);
    }

    private static void AssertViolation(ProposalClass standard) => AssertViolation(Constitution(Constitutional, standard));

    [Fact]
    public void A_well_formed_constitution_passes() => ConstitutionRules.Validate(Constitution());

    [Fact]
    public void A_single_constitutional_class_passes() => ConstitutionRules.Validate(Constitution(Constitutional));

    [Fact]
    public void A_constitution_without_classes_is_refused()
    {
        AssertViolation(new Constitution { Classes = [] });
        AssertViolation(new Constitution { Classes = default });
    }

    [Fact]
    public void Duplicate_class_names_are_refused() =>
        AssertViolation(Standard with { Name = "constitutional" });

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a-class-name-that-is-longer-than-forty-ch")]
    public void A_class_needs_a_short_non_blank_name(string name) => AssertViolation(Standard with { Name = name });

    [Fact]
    public void A_class_name_of_exactly_forty_characters_passes() =>
        ConstitutionRules.Validate(Constitution(Constitutional, Standard with { Name = new string('n', 40) }));

    [Fact]
    public void A_quorum_above_10000_bps_is_refused() =>
        AssertViolation(Constitution(Constitutional with { QuorumBps = 10_001 }));

    [Fact]
    public void A_negative_quorum_is_refused() => AssertViolation(Standard with { QuorumBps = -1 });

    [Fact]
    public void An_approval_threshold_below_5000_bps_is_refused() =>
        AssertViolation(Standard with { ApprovalThresholdBps = 4999 });

    [Fact]
    public void An_approval_threshold_above_10000_bps_is_refused() =>
        AssertViolation(Constitution(Constitutional with { ApprovalThresholdBps = 10_001 }));

    [Fact]
    public void A_constitution_no_class_of_which_may_amend_it_is_refused() =>
        AssertViolation(Constitution(Standard, Standard with { Name = "grant" }));

    [Fact]
    public void A_constitutional_class_with_a_lower_quorum_than_another_class_is_refused() =>
        AssertViolation(Standard with { QuorumBps = 1001 });

    [Fact]
    public void A_constitutional_class_with_a_lower_approval_than_another_class_is_refused() =>
        AssertViolation(Standard with { ApprovalThresholdBps = 6668 });

    [Fact]
    public void A_constitutional_class_as_strict_as_another_class_passes() =>
        ConstitutionRules.Validate(Constitution(Constitutional, Standard with { QuorumBps = 1000, ApprovalThresholdBps = 6667 }));

    [Fact]
    public void Every_constitutional_class_must_be_at_least_as_strict_as_every_other() =>
        AssertViolation(Constitution(Constitutional, Constitutional with { Name = "emergency", QuorumBps = 500 }));

    [Theory]
    [InlineData(0)] // voting period of zero
    [InlineData(1)] // grace period under a minute
    [InlineData(2)] // negative voting delay
    [InlineData(3)] // negative timelock
    [InlineData(4)] // late-quorum extension over 365 days
    [InlineData(5)] // negative proposal threshold
    [InlineData(6)] // unknown action bits
    [InlineData(7)] // invalid token id
    public void Out_of_range_class_settings_are_refused(int which) => AssertViolation(which switch
    {
        0 => Standard with { VotingPeriod = TimeSpan.Zero },
        1 => Standard with { GracePeriod = TimeSpan.FromSeconds(59) },
        2 => Standard with { VotingDelay = TimeSpan.FromSeconds(-1) },
        3 => Standard with { TimelockDelay = TimeSpan.FromSeconds(-1) },
        4 => Standard with { LateQuorumExtension = TimeSpan.FromDays(366) },
        5 => Standard with { ProposalThreshold = -1 },
        6 => Standard with { AllowedActions = (ActionKinds)4096 },
        _ => Standard with { PowerSource = PowerSource.TokenVotes("BTK") },
    });

    [Fact]
    public void A_whitelist_with_canonical_addresses_and_positive_weights_passes() =>
        ConstitutionRules.Validate(Constitution(Constitutional, Standard with { PowerSource = Whitelist((Address(1), 1), (Address(2), 5)) }));

    [Fact]
    public void A_whitelist_with_a_mixed_case_address_is_refused() =>
        AssertViolation(Standard with { PowerSource = Whitelist(("0x" + new string('A', 40), 1)) });

    [Fact]
    public void A_whitelist_with_a_short_address_is_refused() =>
        AssertViolation(Standard with { PowerSource = Whitelist(("0x1234", 1)) });

    [Fact]
    public void A_whitelist_with_a_zero_weight_is_refused() =>
        AssertViolation(Standard with { PowerSource = Whitelist((Address(1), 1), (Address(2), 0)) });

    [Fact]
    public void An_empty_whitelist_is_refused() =>
        AssertViolation(Standard with { PowerSource = Whitelist() });

    [Theory]
    [InlineData(10_001, 5000, 1, 2, 0)]
    [InlineData(-1, 5000, 1, 2, 0)]
    [InlineData(0, 4999, 1, 2, 0)]
    [InlineData(0, 10_001, 1, 2, 0)]
    [InlineData(0, 5000, 3, 2, 0)]
    [InlineData(0, 5000, 1, 2, -1)]
    public void Bad_sub_dao_bounds_are_refused(int minQuorum, int minApproval, int minPeriodDays, int maxPeriodDays, int minTimelockSeconds) =>
        AssertViolation(Constitution() with
        {
            SubDaoBounds = new ConstitutionBounds
            {
                MinQuorumBps = minQuorum,
                MinApprovalThresholdBps = minApproval,
                MinVotingPeriod = TimeSpan.FromDays(minPeriodDays),
                MaxVotingPeriod = TimeSpan.FromDays(maxPeriodDays),
                MinTimelockDelay = TimeSpan.FromSeconds(minTimelockSeconds),
            },
        });

    private static PowerSource Whitelist(params (string Address, int Weight)[] weights) =>
        PowerSource.Whitelist(weights.Select(w => KeyValuePair.Create(w.Address, (BigInteger)w.Weight)));
}
