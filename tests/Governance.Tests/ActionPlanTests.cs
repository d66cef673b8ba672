using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class ActionPlanTests
{
    private const string Id = "blocktrack/7";
    private static readonly DateTimeOffset Now = T0 + TimeSpan.FromDays(10);

    private static readonly DaoLedger Ledger = new()
    {
        Path = "blocktrack",
        Constitution = Constitution() with { AdoptedAt = T0 },
        Roles = new DaoRoles { Coordinators = [Address(1)], Committee = [Address(2)], Guardian = Address(3) },
        SubDaos = ["blocktrack/grants"],
        Treasury = Treasury(("btk", 1000), ("usdc", 500)),
    };

    private static ActionPlan Plan(params ProposalAction[] actions) => ActionPlanner.Plan(Ledger, Constitutional, Id, [.. actions], Now);

    private static ActionFailedException Failure(params ProposalAction[] actions) =>
        Assert.Throws<ActionFailedException>(() => Plan(actions));

    [Fact]
    public void No_actions_leave_the_ledger_as_it_was()
    {
        var plan = Plan();
        Assert.Equal(Ledger, plan.Ledger);
        Assert.Empty(plan.Effects);
    }

    [Fact]
    public void A_mixed_proposal_applies_every_action_in_order_and_returns_the_effects()
    {
        var amended = Constitution(Constitutional, Standard with { QuorumBps = 500 });
        var plan = Plan(
            new TreasuryTransfer("btk", Address(9), 100),
            new AllocateBudget("grants", "usdc", 200),
            new SetRole(DaoRole.Committee, Address(4), true),
            new AmendConstitution(amended),
            new CreateSubDao("education", "Education Innovation", SubDaoConstitution, new DaoRoles { Coordinators = [Address(5)] }),
            new AllocateBudget("education", "btk", 300));

        Assert.Equal(Treasury(("btk", 600), ("usdc", 300)), plan.Ledger.Treasury);
        Assert.Equal<string>([Address(2), Address(4)], plan.Ledger.Roles.Committee);
        Assert.Equal(2, plan.Ledger.Constitution.Version);
        Assert.Equal(500, plan.Ledger.Constitution.FindClass("standard")!.QuorumBps);
        Assert.Equal<string>(["blocktrack/grants", "blocktrack/education"], plan.Ledger.SubDaos);

        Assert.Equal(3, plan.Effects.Length);
        Assert.Equal(new DaoEffect { ProposalId = Id, ActionIndex = 1, Target = "blocktrack/grants", Asset = "usdc", Amount = 200 }, plan.Effects[0]);
        Assert.Equal((Id, 4, "blocktrack/education"), (plan.Effects[1].ProposalId, plan.Effects[1].ActionIndex, plan.Effects[1].Target));
        Assert.Equal("Education Innovation", plan.Effects[1].Create!.DisplayName);
        Assert.Null(plan.Effects[1].Asset);
        Assert.Equal(new DaoEffect { ProposalId = Id, ActionIndex = 5, Target = "blocktrack/education", Asset = "btk", Amount = 300 }, plan.Effects[2]);
    }

    [Fact]
    public void An_amendment_bumps_the_version_and_records_the_adopting_proposal()
    {
        var proposed = Constitution() with { Version = 42, AdoptedBy = "someone/else", AdoptedAt = T0 };
        var adopted = Plan(new AmendConstitution(proposed)).Ledger.Constitution;
        Assert.Equal(2, adopted.Version);
        Assert.Equal(Id, adopted.AdoptedBy);
        Assert.Equal(Now, adopted.AdoptedAt);
        Assert.Equal(proposed.Classes, adopted.Classes);
    }

    [Fact]
    public void Two_amendments_in_one_proposal_bump_the_version_twice() =>
        Assert.Equal(3, Plan(new AmendConstitution(Constitution()), new AmendConstitution(Constitution())).Ledger.Constitution.Version);

    [Fact]
    public void Spending_more_than_the_treasury_fails_at_that_action_and_leaves_the_input_ledger_untouched()
    {
        var e = Failure(
            new TreasuryTransfer("btk", Address(9), 600),
            new SetRole(DaoRole.Guardian, Address(8), true),
            new TreasuryTransfer("btk", Address(9), 401));

        Assert.Equal(2, e.ActionIndex);
        Assert.Equal(Treasury(("btk", 1000), ("usdc", 500)), Ledger.Treasury);
        Assert.Equal(Address(3), Ledger.Roles.Guardian);
        Assert.Equal(1, Ledger.Constitution.Version);
    }

    [Fact]
    public void Spending_the_whole_treasury_exactly_succeeds() =>
        Assert.Equal(BigInteger.Zero, Plan(new TreasuryTransfer("btk", Address(9), 1000)).Ledger.Treasury["btk"]);

    [Fact]
    public void Spending_an_asset_the_treasury_never_held_fails() =>
        Assert.Equal(0, Failure(new TreasuryTransfer("eth", Address(9), 1)).ActionIndex);

    [Fact]
    public void Allocating_to_a_sub_dao_created_earlier_in_the_same_proposal_works()
    {
        var plan = Plan(
            new CreateSubDao("skillfi", "SkillFi Economy", SubDaoConstitution, new DaoRoles()),
            new AllocateBudget("skillfi", "btk", 250));
        Assert.Equal(new BigInteger(750), plan.Ledger.Treasury["btk"]);
        Assert.Equal<string>(["blocktrack/skillfi", "blocktrack/skillfi"], plan.Effects.Select(e => e.Target));
        Assert.NotNull(plan.Effects[0].Create);
        Assert.Equal(new BigInteger(250), plan.Effects[1].Amount);
    }

    [Fact]
    public void Allocating_before_the_sub_dao_is_created_fails()
    {
        var e = Failure(
            new AllocateBudget("skillfi", "btk", 250),
            new CreateSubDao("skillfi", "SkillFi Economy", SubDaoConstitution, new DaoRoles()));
        Assert.Equal(0, e.ActionIndex);
    }

    [Fact]
    public void Allocating_to_an_unknown_sub_dao_fails_at_that_action() =>
        Assert.Equal(1, Failure(new SetRole(DaoRole.Committee, Address(4), true), new AllocateBudget("nowhere", "btk", 1)).ActionIndex);

    [Fact]
    public void Allocating_by_full_path_to_a_direct_sub_dao_works() =>
        Assert.Equal("blocktrack/grants", Plan(new AllocateBudget("blocktrack/grants", "btk", 1)).Effects.Single().Target);

    [Fact]
    public void Creating_a_sub_dao_that_exists_fails() =>
        Assert.Equal(0, Failure(new CreateSubDao("grants", "Grants", SubDaoConstitution, new DaoRoles())).ActionIndex);

    [Fact]
    public void Creating_a_sub_dao_outside_the_bounds_fails()
    {
        var tooFast = SubDaoConstitution with
        {
            Classes = SubDaoConstitution.Classes.SetItem(1, SubDaoConstitution.Classes[1] with { VotingPeriod = TimeSpan.FromMinutes(10) }),
        };
        Assert.Equal(0, Failure(new CreateSubDao("fast", "Fast", tooFast, new DaoRoles())).ActionIndex);
    }

    [Fact]
    public void Creating_a_fifth_level_sub_dao_fails()
    {
        var deep = Ledger with { Path = "a/b/c/d", SubDaos = [] };
        var e = Assert.Throws<ActionFailedException>(() =>
            ActionPlanner.Plan(deep, Constitutional, "a/b/c/d/1", [new CreateSubDao("e", "E", SubDaoConstitution, new DaoRoles())], Now));
        Assert.Equal(0, e.ActionIndex);
    }

    [Fact]
    public void An_action_the_class_does_not_allow_fails_at_execution_too() =>
        Assert.Equal(1, Assert.Throws<ActionFailedException>(() => ActionPlanner.Plan(Ledger, Standard, Id,
            [new TreasuryTransfer("btk", Address(9), 1), new AllocateBudget("grants", "btk", 1)], Now)).ActionIndex);

    [Fact]
    public void Granting_a_role_twice_keeps_one_entry_and_revoking_removes_it()
    {
        var granted = Plan(new SetRole(DaoRole.Coordinator, Address(1), true), new SetRole(DaoRole.Coordinator, Address(6), true)).Ledger.Roles;
        Assert.Equal<string>([Address(1), Address(6)], granted.Coordinators);
        var revoked = Plan(new SetRole(DaoRole.Coordinator, Address(1), false)).Ledger.Roles;
        Assert.Empty(revoked.Coordinators);
        Assert.Equal<string>([Address(2)], revoked.Committee);
    }

    [Fact]
    public void Revoking_the_guardian_role_from_someone_else_keeps_the_guardian()
    {
        Assert.Equal(Address(3), Plan(new SetRole(DaoRole.Guardian, Address(4), false)).Ledger.Roles.Guardian);
        Assert.Null(Plan(new SetRole(DaoRole.Guardian, Address(3), false)).Ledger.Roles.Guardian);
        Assert.Equal(Address(4), Plan(new SetRole(DaoRole.Guardian, Address(4), true)).Ledger.Roles.Guardian);
    }

    [Fact]
    public void Credit_adds_to_an_existing_or_new_asset()
    {
        var t = ActionPlanner.Credit(ActionPlanner.Credit(Ledger.Treasury, "btk", 5), "eth", 7);
        Assert.Equal(Treasury(("btk", 1005), ("usdc", 500), ("eth", 7)), t);
    }

    [Fact]
    public void Setting_personhood_changes_no_ledger_and_is_delivered_to_the_subjects_registry_entry()
    {
        var plan = Plan(new SetRole(DaoRole.Committee, Address(4), true), new SetPersonhood(Address(7), true));

        var effect = Assert.Single(plan.Effects);
        Assert.Equal(new DaoEffect
        {
            ProposalId = Id, ActionIndex = 1, Target = "blocktrack/" + Address(7), Personhood = new SetPersonhood(Address(7), true),
        }, effect);
        Assert.Equal(Ledger.Treasury, plan.Ledger.Treasury);
    }

    [Fact]
    public void Setting_personhood_needs_a_class_that_allows_it_and_a_canonical_subject()
    {
        var notAllowed = Assert.Throws<GovernanceException>(() =>
            ActionPlanner.ValidateDraft(Standard, [new SetPersonhood(Address(7), true)]));
        Assert.Equal(GovernanceError.ActionNotAllowed, notAllowed.Error);
        var badSubject = Assert.Throws<GovernanceException>(() =>
            ActionPlanner.ValidateDraft(Constitutional, [new SetPersonhood("0xABC", true)]));
        Assert.Equal(GovernanceError.InvalidArgument, badSubject.Error);
        Assert.Contains("subject", badSubject.Message);
    }

    [Fact]
    public void An_amendment_may_retire_operator_capabilities_but_never_give_one_back()
    {
        var retired = Plan(new AmendConstitution(Constitution() with { RetiredOperatorCapabilities = OperatorCapability.RecordDeposits }))
            .Ledger.Constitution;
        Assert.Equal(OperatorCapability.RecordDeposits, retired.RetiredOperatorCapabilities);

        var after = Ledger with { Constitution = retired };
        var more = ActionPlanner.Plan(after, Constitutional, Id,
            [new AmendConstitution(Constitution() with { RetiredOperatorCapabilities = OperatorCapability.All })], Now);
        Assert.Equal(OperatorCapability.All, more.Ledger.Constitution.RetiredOperatorCapabilities);

        var back = Assert.Throws<ActionFailedException>(() => ActionPlanner.Plan(after, Constitutional, Id,
            [new AmendConstitution(Constitution() with { RetiredOperatorCapabilities = OperatorCapability.AwardReputation })], Now));
        Assert.Contains("retired for good", back.Message);
        Assert.Throws<ActionFailedException>(() =>
            ActionPlanner.Plan(after, Constitutional, Id, [new AmendConstitution(Constitution())], Now));
        Assert.Equal(GovernanceError.ConstitutionViolation, Assert.Throws<GovernanceException>(() =>
            ConstitutionRules.Validate(Constitution() with { RetiredOperatorCapabilities = (OperatorCapability)64 })).Error);
    }
}
