using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests.Voting;

/// <summary>The voting-system fields of a class: what fits together, and what a parent's bounds allow.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class VotingConstitutionTests
{
    private static void Valid(ProposalClass cls) => ConstitutionRules.Validate(Constitution(Constitutional, cls));

    private static void Invalid(ProposalClass cls, string fragment)
    {
        var e = Assert.Throws<GovernanceException>(() => Valid(cls));
        Assert.Equal(GovernanceError.ConstitutionViolation, e.Error);
        Assert.Contains(fragment, e.Message);
    }

    private static ProposalClass Round(CountingType counting) => Standard with { Name = "round", Counting = counting };

    [Fact]
    public void Every_choice_type_and_its_options_validate()
    {
        foreach (var type in Enum.GetValues<CountingType>().Where(t => t is not (CountingType.Basic or CountingType.Quadratic)))
            Valid(Round(type) with { MinWinningShareBps = 5000 });
        Valid(Round(CountingType.Quadratic) with { PersonhoodRegistry = "blocktrack" });
        Valid(Standard with { QuadraticPower = true, PersonhoodRegistry = "blocktrack/people" });
        Valid(Standard with { DynamicQuorum = new DynamicQuorum { MinBps = 400, MaxBps = 2000, Coefficient = 1_500_000 } });
        Valid(Standard with { SuperQuorumBps = 400 });
        Valid(Standard with { DelegatorOverride = true });
    }

    [Fact]
    public void Quadratic_classes_need_a_personhood_registry() =>
        Invalid(Round(CountingType.Quadratic), "personhoodRegistry");

    [Fact]
    public void Quadratic_power_is_for_basic_classes_and_the_registry_must_be_a_dao_path()
    {
        Invalid(Round(CountingType.Weighted) with { QuadraticPower = true, PersonhoodRegistry = "x" }, "quadraticPower");
        Invalid(Standard with { QuadraticPower = true, PersonhoodRegistry = "Not A Path" }, "DAO path");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void A_winning_share_outside_0_to_10000_is_refused(int bps) =>
        Invalid(Round(CountingType.SingleChoice) with { MinWinningShareBps = bps }, "winning share");

    [Fact]
    public void A_winning_share_is_only_for_choice_classes() => Invalid(Standard with { MinWinningShareBps = 100 }, "choice classes");

    [Fact]
    public void A_dynamic_quorum_needs_ordered_bounds_a_sane_coefficient_and_its_minimum_as_quorum()
    {
        Invalid(Standard with { DynamicQuorum = new DynamicQuorum { MinBps = 400, MaxBps = 300 } }, "minBps <= maxBps");
        Invalid(Standard with { DynamicQuorum = new DynamicQuorum { MinBps = 400, MaxBps = 10_001 } }, "maxBps <= 10000");
        Invalid(Standard with { DynamicQuorum = new DynamicQuorum { MinBps = 400, MaxBps = 500, Coefficient = -1 } }, "coefficient");
        Invalid(Standard with { DynamicQuorum = new DynamicQuorum { MinBps = 300, MaxBps = 500 } }, "must equal");
        Invalid(Round(CountingType.Approval) with { QuorumBps = 400, DynamicQuorum = new DynamicQuorum { MinBps = 400, MaxBps = 500 } },
            "basic classes");
    }

    [Fact]
    public void A_super_quorum_must_not_be_below_the_quorum()
    {
        Invalid(Standard with { SuperQuorumBps = 399 }, "super-quorum");
        Invalid(Standard with { SuperQuorumBps = 1000, DynamicQuorum = new DynamicQuorum { MinBps = 400, MaxBps = 2000 } }, "super-quorum");
        Invalid(Round(CountingType.SingleChoice) with { SuperQuorumBps = 5000 }, "basic classes");
    }

    [Fact]
    public void Delegator_override_needs_one_cluster_recorded_token()
    {
        Invalid(Standard with { DelegatorOverride = true, PowerSource = PowerSource.TokenVotes("btk@412346") }, "chain-mirrored");
        Invalid(Standard with { DelegatorOverride = true, PowerSource = new PowerSource { Tokens = ["btk", "usdc"] } }, "one token");
        Invalid(Standard with { DelegatorOverride = true, SuperQuorumBps = 5000 }, "super-quorum");
    }

    [Fact]
    public void Power_strategies_add_up_without_nesting_and_within_their_limits()
    {
        var escrow = new PowerSource { Kind = PowerSourceKind.VoteEscrow, Token = "vebtk@412346", MultiplierBps = 20_000 };
        Valid(Standard with { PowerSource = new PowerSource { Strategies = [PowerSource.TokenVotes(), escrow] } });
        Invalid(Standard with { PowerSource = new PowerSource { Strategies = [escrow with { Strategies = [escrow] }] } }, "own");
        Invalid(Standard with { PowerSource = new PowerSource { Strategies = [escrow with { MultiplierBps = 0 }] } }, "multiplier");
        Invalid(Standard with { PowerSource = new PowerSource { Strategies = [.. Enumerable.Repeat(escrow, 9)] } }, "at most");
        Invalid(Standard with { PowerSource = new PowerSource { Kind = PowerSourceKind.Reputation, Domain = "Bad Path" } }, "domain");
    }

    [Fact]
    public void A_parent_can_restrict_the_counting_types_of_its_sub_daos()
    {
        var bounds = new ConstitutionBounds { AllowedCountingTypes = [CountingType.Basic, CountingType.SingleChoice] };
        Constitution Child(ProposalClass cls, params CountingType[] forItsChildren) => Constitution(Constitutional, cls) with
        {
            SubDaoBounds = new ConstitutionBounds { AllowedCountingTypes = [.. forItsChildren] },
        };
        ConstitutionRules.ValidateWithin(Child(Round(CountingType.SingleChoice), CountingType.Basic), bounds);
        var e = Assert.Throws<GovernanceException>(() =>
            ConstitutionRules.ValidateWithin(Child(Round(CountingType.RankedChoice), CountingType.Basic), bounds));
        Assert.Contains("not allowed by the parent", e.Message);
        // A sub-DAO may not allow its own children more than it was allowed (an empty list allows everything).
        Assert.Throws<GovernanceException>(() => ConstitutionRules.ValidateWithin(Child(Round(CountingType.SingleChoice)), bounds));
        Assert.Throws<GovernanceException>(() =>
            ConstitutionRules.ValidateWithin(Child(Round(CountingType.SingleChoice), CountingType.Weighted), bounds));
    }
}
