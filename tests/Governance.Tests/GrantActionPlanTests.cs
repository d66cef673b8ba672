using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

/// <summary>What openGrantProgram and decideGrant do to the DAO's ledger when a proposal executes.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class GrantActionPlanTests
{
    private const string Id = "blocktrack/9";

    private static GrantProgramTerms Terms(string asset = "btk") => new()
    {
        Name = "SkillFi", Asset = asset, Budget = 300, ApplicationsOpen = T0.ToUnixTimeSeconds(),
        ApplicationsClose = T0.ToUnixTimeSeconds() + 100, EndsAt = T0.ToUnixTimeSeconds() + 1000, MaxGrant = 100, Sdgs = [8],
    };

    private static DaoLedger Ledger(TreasuryBinding? binding = null) => new()
    {
        Path = "blocktrack", Constitution = Constitution() with { OnChainTreasury = binding },
        Treasury = System.Collections.Immutable.ImmutableDictionary<string, BigInteger>.Empty.Add("btk", 1000), GrantPrograms = 2,
    };

    [Fact]
    public void Opening_a_program_draws_its_budget_numbers_it_and_counts_it_for_its_goals()
    {
        var plan = ActionPlanner.Plan(Ledger(), Constitutional, Id, [new OpenGrantProgram(Terms())], T0);
        Assert.Equal((700, 3L), ((int)plan.Ledger.Treasury["btk"], plan.Ledger.GrantPrograms));
        var effect = Assert.Single(plan.Effects);
        Assert.Equal(("blocktrack/programs/3", 300), (effect.Target, (int)effect.OpenProgram!.Budget));
        Assert.Empty(plan.Ledger.Earmarked);
        var period = SdgRules.PeriodOf(T0.ToUnixTimeSeconds(), null);
        Assert.Equal(300, (int)plan.Ledger.Sdg[SdgRules.Key(period, 8)].Allocated["btk"]);
    }

    [Fact]
    public void A_program_of_an_asset_held_on_chain_earmarks_the_balance_instead()
    {
        var bound = new TreasuryBinding
        {
            Chain = 412346, Account = Address(0x71), Assets = [new BoundAsset { Asset = "btk", Token = Address(0xb7c) }],
        };
        var plan = ActionPlanner.Plan(Ledger(bound), Constitutional, Id, [new OpenGrantProgram(Terms())], T0);
        Assert.Equal(300, (int)plan.Ledger.Earmarked["btk"]);
        Assert.Equal(700, (int)plan.Ledger.Treasury["btk"]);
    }

    [Fact]
    public void A_program_past_the_treasury_or_a_decision_on_no_program_fails_its_action()
    {
        var big = Assert.Throws<ActionFailedException>(() =>
            ActionPlanner.Plan(Ledger(), Constitutional, Id, [new OpenGrantProgram(Terms() with { Budget = 1001, MaxGrant = 1 })], T0));
        Assert.Contains("treasury holds 1000 btk", big.Message);
        var none = Assert.Throws<ActionFailedException>(() => ActionPlanner.Plan(Ledger(), Constitutional, Id,
            [new TreasuryTransfer("btk", Address(1), 1), new DecideGrant(3, 1, GrantDecision.Approve, "why")], T0));
        Assert.Equal(1, none.ActionIndex);
        var effect = Assert.Single(ActionPlanner.Plan(Ledger(), Constitutional, Id, [new DecideGrant(2, 5, GrantDecision.Cancel, "why")], T0)
            .Effects);
        Assert.Equal("blocktrack/programs/2/grants/5", effect.Target);
        Assert.Throws<GovernanceException>(() => ActionPlanner.ValidateDraft(Constitutional,
            [new DecideGrant(1, 1, GrantDecision.Cancel, "why", Milestone: 0)]));
        Assert.Throws<GovernanceException>(() => ActionPlanner.ValidateDraft(Standard, [new OpenGrantProgram(Terms())]));
    }
}
