using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

/// <summary>Limits every draft, deposit and page obeys, whatever the DAO's constitution says.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class DraftAndTreasuryRulesTests
{
    private static ProposalDraft Draft(string title = "Fund the docs", int description = 10) => new()
    {
        Proposer = Address(1),
        Class = "standard",
        Title = title,
        Description = new string('d', description),
        Actions = [],
    };

    private static GovernanceError ErrorOf(Action action) => Assert.Throws<GovernanceException>(action).Error;

    [Fact]
    public void A_draft_at_the_limits_is_fine() =>
        DraftRules.Validate(Draft(new string('t', DraftRules.MaxTitle), DraftRules.MaxDescription));

    [Theory]
    [InlineData("", 10)]
    [InlineData("   ", 10)]
    [InlineData("long", 10)]
    [InlineData("ok", DraftRules.MaxDescription + 1)]
    public void Titles_and_descriptions_are_bounded(string title, int description) =>
        Assert.Equal(GovernanceError.InvalidArgument,
            ErrorOf(() => DraftRules.Validate(Draft(title == "long" ? new string('t', DraftRules.MaxTitle + 1) : title, description))));

    [Fact]
    public void Actions_must_be_given_even_if_empty() =>
        Assert.Equal(GovernanceError.InvalidArgument, ErrorOf(() => DraftRules.Validate(Draft() with { Actions = default })));

    [Fact]
    public void A_long_veto_reason_is_cut_not_refused()
    {
        Assert.Equal(DraftRules.MaxVetoReason, DraftRules.VetoReason(new string('v', 5000)).Length);
        Assert.Equal("bad", DraftRules.VetoReason("bad"));
    }

    [Fact]
    public void Opening_balances_need_valid_assets_and_no_negative_amount()
    {
        TreasuryRules.ValidateOpening(ImmutableDictionary<string, BigInteger>.Empty.Add("btk", 0).Add("usdc@412346", 5));
        Assert.Equal(GovernanceError.InvalidArgument,
            ErrorOf(() => TreasuryRules.ValidateOpening(ImmutableDictionary<string, BigInteger>.Empty.Add("btk", -1))));
        Assert.Equal(GovernanceError.InvalidArgument,
            ErrorOf(() => TreasuryRules.ValidateOpening(ImmutableDictionary<string, BigInteger>.Empty.Add("BTK!", 1))));
    }

    [Theory]
    [InlineData("", "btk", 1)]
    [InlineData("ref", "BTK!", 1)]
    [InlineData("ref", "btk", 0)]
    [InlineData("long", "btk", 1)]
    public void Deposits_need_a_reference_a_valid_asset_and_a_positive_amount(string reference, string asset, int amount) =>
        Assert.Equal(GovernanceError.InvalidArgument, ErrorOf(() =>
            TreasuryRules.ValidateDeposit(reference == "long" ? new string('r', TreasuryRules.MaxReference + 1) : reference, asset, amount)));

    [Fact]
    public void Credits_are_remembered_by_their_cause() =>
        Assert.NotEqual(TreasuryRules.DepositKey("blocktrack/1#0"), TreasuryRules.AllocationKey("blocktrack/1", 0));

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, Paging.MaxProposalPage + 1)]
    public void Proposal_pages_are_bounded(int offset, int limit) =>
        Assert.Equal(GovernanceError.InvalidArgument, ErrorOf(() => Paging.RequireProposalPage(offset, limit)));

    [Theory]
    [InlineData(0, Paging.MaxBallotPage + 1)]
    [InlineData(Paging.MaxBallotDepth - 10, 11)]
    public void Ballot_pages_are_bounded_in_size_and_depth(int offset, int limit) =>
        Assert.Equal(GovernanceError.InvalidArgument, ErrorOf(() => Paging.RequireBallotPage(offset, limit)));

    [Fact]
    public void The_largest_pages_are_allowed()
    {
        Paging.RequireProposalPage(0, Paging.MaxProposalPage);
        Paging.RequireBallotPage(Paging.MaxBallotDepth - Paging.MaxBallotPage, Paging.MaxBallotPage);
    }
}
