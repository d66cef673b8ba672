using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class ActionDraftTests
{
    private static GovernanceError Refusal(ProposalClass cls, params ProposalAction[] actions) =>
        Assert.Throws<GovernanceException>(() => ActionPlanner.ValidateDraft(cls, [.. actions])).Error;

    [Fact]
    public void Actions_the_class_allows_pass() =>
        ActionPlanner.ValidateDraft(Standard, [new TreasuryTransfer("btk", Address(9), 10), new SetRole(DaoRole.Committee, Address(3), true)]);

    [Fact]
    public void An_empty_action_list_passes() => ActionPlanner.ValidateDraft(Standard, []);

    [Fact]
    public void An_allocation_in_a_class_that_only_allows_transfers_and_roles_is_not_allowed() =>
        Assert.Equal(GovernanceError.ActionNotAllowed, Refusal(Standard, new TreasuryTransfer("btk", Address(9), 10), new AllocateBudget("grants", "btk", 5)));

    [Fact]
    public void An_amendment_in_a_non_constitutional_class_is_not_allowed() =>
        Assert.Equal(GovernanceError.ActionNotAllowed, Refusal(Standard, new AmendConstitution(Constitution())));

    [Fact]
    public void Creating_a_sub_dao_in_a_class_without_that_kind_is_not_allowed() =>
        Assert.Equal(GovernanceError.ActionNotAllowed, Refusal(Standard, new CreateSubDao("grants", "Grants", SubDaoConstitution, new DaoRoles())));

    [Fact]
    public void More_than_32_actions_are_refused()
    {
        var actions = Enumerable.Repeat<ProposalAction>(new SetRole(DaoRole.Committee, Address(3), true), 33).ToArray();
        Assert.Equal(GovernanceError.InvalidArgument, Refusal(Standard, actions));
        ActionPlanner.ValidateDraft(Standard, [.. actions[..32]]);
    }

    [Fact]
    public void A_null_action_is_refused() =>
        Assert.Equal(GovernanceError.InvalidArgument, Refusal(Standard, [null!]));

    [Theory]
    [InlineData("btk", "0x00000000000000000000000000000000000000AB", 10)] // not lower-case
    [InlineData("btk", "0x1234", 10)] // too short
    [InlineData("BTK", "0x00000000000000000000000000000000000000ab", 10)] // asset id
    [InlineData("btk", "0x00000000000000000000000000000000000000ab", 0)] // amount
    [InlineData("btk", "0x00000000000000000000000000000000000000ab", -1)]
    public void A_malformed_transfer_is_refused(string asset, string to, int amount) =>
        Assert.Equal(GovernanceError.InvalidArgument, Refusal(Standard, new TreasuryTransfer(asset, to, amount)));

    [Theory]
    [InlineData("treasury")] // reserved
    [InlineData("Grants")]
    [InlineData("1st")]
    [InlineData("a/b")]
    [InlineData("")]
    public void A_sub_dao_with_an_invalid_name_is_refused(string name) =>
        Assert.Equal(GovernanceError.InvalidArgument, Refusal(Constitutional, new CreateSubDao(name, "x", SubDaoConstitution, new DaoRoles())));

    [Fact]
    public void A_sub_dao_whose_roles_hold_a_non_canonical_address_is_refused() =>
        Assert.Equal(GovernanceError.InvalidArgument,
            Refusal(Constitutional, new CreateSubDao("grants", "Grants", SubDaoConstitution, new DaoRoles { Committee = ["0xabc"] })));

    [Fact]
    public void A_malformed_amendment_is_a_constitution_violation() =>
        Assert.Equal(GovernanceError.ConstitutionViolation, Refusal(Constitutional, new AmendConstitution(Constitution(Standard))));

    [Fact]
    public void An_allocation_without_a_sub_dao_is_refused() =>
        Assert.Equal(GovernanceError.InvalidArgument, Refusal(Constitutional, new AllocateBudget("", "btk", 5)));

    [Fact]
    public void An_undefined_role_is_refused() =>
        Assert.Equal(GovernanceError.InvalidArgument, Refusal(Standard, new SetRole((DaoRole)7, Address(3), true)));
}
