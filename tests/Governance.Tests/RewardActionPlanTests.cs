using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

/// <summary>Planning the participation economy's actions: funding a rewards budget and upholding a moderation appeal.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class RewardActionPlanTests
{
    private const string Id = "blocktrack/9";
    private const long Day = 24 * 3600;
    private static readonly string Token = Address(0xe20);

    private static readonly ParticipationRules Weekly = new() { EpochSeconds = 7 * Day };

    // Epoch 2810 of a week's length starts at 2810 · 604800 = 1_699_488_000; T0 (1_700_000_000) lies inside it.
    private const long EpochOfT0 = 2810;

    private static readonly ModerationAction[] Log =
    [
        new() { Seq = 1, Proposal = "blocktrack/1", Hidden = true, Moderator = Address(5), Reason = "spam" },
        new() { Seq = 2, Proposal = "blocktrack/1", Hidden = false, Moderator = Address(5), Reason = "restored" },
        new() { Seq = 3, Proposal = "blocktrack/2", Voter = Address(7), Hidden = true, Moderator = Address(5), Reason = "off-topic" },
        new() { Seq = 4, Proposal = "blocktrack/2", Voter = Address(7), Hidden = false, Moderator = Id, Reason = "appeal", Reverses = 3 },
        new() { Seq = 5, Proposal = "blocktrack/3", Hidden = true, Moderator = Address(5), Reason = "duplicate" },
    ];

    private static readonly DaoLedger Ledger = new()
    {
        Path = "blocktrack",
        Constitution = Constitution() with { Participation = Weekly },
        Treasury = Treasury(("btk", 1000)),
        Moderation = Log,
    };

    private static ActionPlan Plan(DaoLedger ledger, DateTimeOffset now, params ProposalAction[] actions) =>
        ActionPlanner.Plan(ledger, Constitutional, Id, [.. actions], now);

    private static ActionPlan Plan(params ProposalAction[] actions) => Plan(Ledger, T0, actions);

    private static ActionFailedException Failure(params ProposalAction[] actions) =>
        Assert.Throws<ActionFailedException>(() => Plan(actions));

    private static GovernanceError DraftRefusal(ProposalClass cls, ProposalAction action) =>
        Assert.Throws<GovernanceException>(() => ActionPlanner.ValidateDraft(cls, [action])).Error;

    [Fact]
    public void The_epoch_arithmetic_of_these_tests_holds() =>
        Assert.Equal(EpochOfT0, ParticipationRules.EpochAt(T0.ToUnixTimeSeconds(), Weekly.EpochSeconds));

    [Fact]
    public void Funding_rewards_records_a_budget_from_the_epoch_of_now_and_leaves_the_treasury_alone()
    {
        var plan = Plan(new SetRole(DaoRole.Committee, Address(4), true), new FundRewards("btk", 250, 4));

        var budget = Assert.Single(plan.Ledger.RewardBudgets);
        Assert.Equal(new RewardBudget
        {
            Asset = "btk", AmountPerEpoch = 250, FirstEpoch = EpochOfT0, LastEpoch = EpochOfT0 + 3, FundedBy = Id,
        }, budget);
        // Nothing leaves the treasury until an epoch closes and draws.
        Assert.Equal(Treasury(("btk", 1000)), plan.Ledger.Treasury);
        Assert.Empty(plan.Effects);
    }

    [Theory]
    [InlineData(1_699_488_000, 2810)] // the first second of epoch 2810
    [InlineData(1_699_487_999, 2809)] // the last second of epoch 2809
    [InlineData(1_700_092_799, 2810)]
    public void The_first_epoch_is_the_one_the_execution_falls_in(long now, long first)
    {
        var budget = Plan(Ledger, DateTimeOffset.FromUnixTimeSeconds(now), new FundRewards("btk", 1, 1)).Ledger.RewardBudgets.Single();
        Assert.Equal((first, first), (budget.FirstEpoch, budget.LastEpoch));
    }

    [Fact]
    public void A_budget_follows_the_programmes_epoch_length_and_keeps_its_chain_and_token()
    {
        var daily = Ledger with { Constitution = Ledger.Constitution with { Participation = new() { EpochSeconds = Day } } };
        var budget = Plan(daily, T0, new FundRewards("btk", 7, 520, 412346, Token)).Ledger.RewardBudgets.Single();
        Assert.Equal(1_700_000_000 / Day, budget.FirstEpoch);
        Assert.Equal(budget.FirstEpoch + 519, budget.LastEpoch);
        Assert.Equal((412346L, Token), (budget.Chain!.Value, budget.Token));
    }

    [Fact]
    public void Two_budgets_in_one_proposal_are_both_recorded_in_order_after_the_existing_ones()
    {
        var funded = Ledger with { RewardBudgets = [new RewardBudget { Asset = "usdc", AmountPerEpoch = 9, FundedBy = "blocktrack/1" }] };
        var plan = Plan(funded, T0, new FundRewards("btk", 100, 2), new FundRewards("eth", 3, 1));
        Assert.Equal([("usdc", 9), ("btk", 100), ("eth", 3)], plan.Ledger.RewardBudgets.Select(b => (b.Asset, (int)b.AmountPerEpoch)));
        Assert.Equal([EpochOfT0 + 1, EpochOfT0], plan.Ledger.RewardBudgets.Skip(1).Select(b => b.LastEpoch));
    }

    [Fact]
    public void Funding_rewards_without_a_participation_programme_fails_at_that_action()
    {
        var none = Ledger with { Constitution = Constitution() };
        var e = Assert.Throws<ActionFailedException>(() =>
            Plan(none, T0, new SetRole(DaoRole.Committee, Address(4), true), new FundRewards("btk", 250, 4)));
        Assert.Equal(1, e.ActionIndex);
        Assert.Contains("no participation programme", e.Message);
    }

    [Fact]
    public void A_class_without_fund_rewards_refuses_it_in_the_draft_and_at_execution()
    {
        Assert.Equal(GovernanceError.ActionNotAllowed, DraftRefusal(Standard, new FundRewards("btk", 1, 1)));
        var e = Assert.Throws<ActionFailedException>(() => ActionPlanner.Plan(Ledger, Standard, Id, [new FundRewards("btk", 1, 1)], T0));
        Assert.Equal(0, e.ActionIndex);
    }

    public static TheoryData<FundRewards> MalformedBudgets => new()
    {
        new FundRewards("btk", 0, 4), // nothing per epoch
        new FundRewards("btk", -5, 4),
        new FundRewards("BTK", 5, 4), // not an asset id
        new FundRewards("btk", 5, 0), // no epochs
        new FundRewards("btk", 5, -1),
        new FundRewards("btk", 5, ActionShapes.MaxRewardEpochs + 1),
        new FundRewards("btk", 5, 4, Chain: 412346), // a chain without its token
        new FundRewards("btk", 5, 4, Token: Token), // a token without its chain
        new FundRewards("btk", 5, 4, 0, Token), // chain id not positive
        new FundRewards("btk", 5, 4, 412346, "0x1234"), // too short
        new FundRewards("btk", 5, 4, 412346, "0x" + new string('A', 40)), // not lower-case
        new FundRewards("btk", 5, 4, 412346, "1" + new string('a', 41)), // no 0x
    };

    [Theory]
    [MemberData(nameof(MalformedBudgets))]
    public void A_malformed_budget_is_refused_in_the_draft_and_fails_at_execution(FundRewards fund)
    {
        Assert.Equal(GovernanceError.InvalidArgument, DraftRefusal(Constitutional, fund));
        Assert.Equal(0, Failure(fund).ActionIndex);
    }

    [Fact]
    public void The_longest_budget_and_the_smallest_amount_pass_the_draft()
    {
        ActionPlanner.ValidateDraft(Constitutional, [new FundRewards("btk", 1, ActionShapes.MaxRewardEpochs, 412346, Token)]);
        Assert.Equal(EpochOfT0 + 519, Plan(new FundRewards("btk", 1, 520)).Ledger.RewardBudgets.Single().LastEpoch);
    }

    [Fact]
    public void Reversing_a_hiding_lands_in_the_reversals_and_leaves_the_log_to_the_dao()
    {
        var appeal = new ReverseModeration(5, "it was not a duplicate");
        var plan = Plan(new TreasuryTransfer("btk", Address(9), 10), appeal);
        Assert.Equal(appeal, Assert.Single(plan.Ledger.Reversals));
        Assert.Equal(5, plan.Ledger.Moderation.Count);
        Assert.Empty(plan.Effects);
        Assert.Equal(990, (int)plan.Ledger.Treasury["btk"]);
    }

    [Fact]
    public void A_hiding_that_a_moderator_later_restored_can_still_be_reversed_by_appeal() =>
        Assert.Equal(1, Plan(new ReverseModeration(1, "never spam")).Ledger.Reversals.Single().Seq);

    [Theory]
    [InlineData(6)] // no such act
    [InlineData(600)]
    [InlineData(2)] // a restore act
    [InlineData(4)] // itself an executed appeal
    public void Reversing_an_act_that_hid_nothing_fails(long seq) =>
        Assert.Equal(1, Failure(new SetRole(DaoRole.Committee, Address(4), true), new ReverseModeration(seq, "appeal")).ActionIndex);

    [Fact]
    public void Reversing_an_act_already_reversed_in_the_log_fails()
    {
        var e = Failure(new ReverseModeration(3, "again"));
        Assert.Equal(0, e.ActionIndex);
        Assert.Contains("already been reversed", e.Message);
    }

    [Fact]
    public void Reversing_the_same_act_twice_in_one_proposal_fails_at_the_second()
    {
        var e = Failure(new ReverseModeration(5, "once"), new ReverseModeration(5, "twice"));
        Assert.Equal(1, e.ActionIndex);
        Assert.Contains("already been reversed", e.Message);
    }

    [Fact]
    public void Two_different_acts_may_be_reversed_together() =>
        Assert.Equal([1L, 5L], Plan(new ReverseModeration(1, "a"), new ReverseModeration(5, "b")).Ledger.Reversals.Select(r => r.Seq));

    [Theory]
    [InlineData(0, "appeal")]
    [InlineData(-1, "appeal")]
    [InlineData(5, "")]
    [InlineData(5, "   ")]
    public void A_malformed_appeal_is_refused_in_the_draft(long seq, string reason)
    {
        Assert.Equal(GovernanceError.InvalidArgument, DraftRefusal(Constitutional, new ReverseModeration(seq, reason)));
        Assert.Equal(0, Failure(new ReverseModeration(seq, reason)).ActionIndex);
    }

    [Fact]
    public void An_appeal_reason_longer_than_the_limit_is_refused() =>
        Assert.Equal(GovernanceError.InvalidArgument,
            DraftRefusal(Constitutional, new ReverseModeration(5, new string('x', ModerationRules.MaxReason + 1))));

    [Fact]
    public void A_class_without_reverse_moderation_refuses_an_appeal() =>
        Assert.Equal(GovernanceError.ActionNotAllowed, DraftRefusal(Standard, new ReverseModeration(5, "appeal")));
}
