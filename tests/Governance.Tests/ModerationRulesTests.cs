using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class ModerationRulesTests
{
    private static readonly string Voter = Samples.Address(7);

    private static ModerationAction Act(string proposal, string? voter, bool hidden) =>
        new() { Proposal = proposal, Voter = voter, Hidden = hidden, Reason = "r" };

    [Fact]
    public void What_is_hidden_is_the_last_act_on_each_target()
    {
        var hidden = ModerationRules.Hidden([Act("dao/1", null, true), Act("dao/1", Voter, true), Act("dao/1", null, false), Act("dao/2", null, true)]);
        Assert.Equal(["dao/1#" + Voter, "dao/2"], hidden.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_act_must_target_an_existing_proposal_of_the_dao_with_a_reason_and_change_something()
    {
        var none = new HashSet<string>();
        ModerationRules.Validate("dao", 3, "dao/3", Voter, hide: true, "spam", none);
        Assert.Equal(GovernanceError.ProposalNotFound, Refused(() => ModerationRules.Validate("dao", 3, "dao/4", null, true, "spam", none)));
        Assert.Equal(GovernanceError.ProposalNotFound, Refused(() => ModerationRules.Validate("dao", 3, "other/1", null, true, "spam", none)));
        Assert.Equal(GovernanceError.ProposalNotFound, Refused(() => ModerationRules.Validate("dao", 3, "dao/sub/1", null, true, "x", none)));
        Assert.Equal(GovernanceError.InvalidArgument, Refused(() => ModerationRules.Validate("dao", 3, "dao/1", null, true, " ", none)));
        Assert.Equal(GovernanceError.InvalidArgument,
            Refused(() => ModerationRules.Validate("dao", 3, "dao/1", null, true, new string('x', 1001), none)));
        Assert.Equal(GovernanceError.InvalidState, Refused(() => ModerationRules.Validate("dao", 3, "dao/1", null, false, "undo", none)));
        Assert.Equal(GovernanceError.InvalidState,
            Refused(() => ModerationRules.Validate("dao", 3, "dao/1", null, true, "again", new HashSet<string> { "dao/1" })));
    }

    private static GovernanceError Refused(Action act) => Assert.Throws<GovernanceException>(act).Error;

    [Fact]
    public void A_hiding_stands_until_anything_acts_on_its_target_again()
    {
        ModerationAction[] log =
        [
            Act("dao/1", null, true) with { Seq = 1 },
            Act("dao/2", Voter, true) with { Seq = 2 },
            Act("dao/1", null, false) with { Seq = 3 },                  // a moderator restores dao/1
            Act("dao/1", null, true) with { Seq = 4 },                   // and hides it again
            Act("dao/3", null, true) with { Seq = 5 },
            Act("dao/3", null, false) with { Seq = 6, Reverses = 5 },    // an appeal reverses the hiding of dao/3
        ];
        Assert.False(ModerationRules.Stands(log, 1));
        Assert.True(ModerationRules.Stands(log, 2));
        Assert.False(ModerationRules.Stands(log, 3)); // a restore is not a hiding
        Assert.True(ModerationRules.Stands(log, 4));
        Assert.False(ModerationRules.Stands(log, 5));
        Assert.False(ModerationRules.Stands(log, 6));
        Assert.False(ModerationRules.Stands(log, 0));
        Assert.False(ModerationRules.Stands(log, 7));
    }
}
