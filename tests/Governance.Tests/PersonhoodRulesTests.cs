using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class PersonhoodRulesTests
{
    private const long T = 1_700_000_000;
    private static readonly string Subject = Address(7);

    private static readonly List<PersonhoodChange> History =
    [
        new() { Attested = true, At = T, Attester = Address(1), Digest = "0x01" },
        new() { Attested = false, At = T + 100, Proposal = "dao/3", ActionIndex = 0 },
        new() { Attested = true, At = T + 200, Attester = Address(2), Digest = "0x02" },
        new() { Attested = false, At = T + 200, Attester = Address(1), Digest = "0x03" },
    ];

    [Theory]
    [InlineData(T - 1, false)]
    [InlineData(T, true)]
    [InlineData(T + 99, true)]
    [InlineData(T + 100, false)]
    [InlineData(T + 199, false)]
    [InlineData(T + 200, false)] // the last change of a second wins
    [InlineData(long.MaxValue, false)]
    public void The_change_in_force_at_a_timepoint_decides(long timepoint, bool attested) =>
        Assert.Equal(attested, PersonhoodRules.IsAttestedAt(History, timepoint));

    [Fact]
    public void A_record_shows_the_state_since_when_and_the_changes_up_to_its_timepoint()
    {
        var record = PersonhoodRules.Record("dao", Subject, History, T + 150);

        Assert.False(record.Attested);
        Assert.Equal(T + 100, record.Since);
        Assert.Equal(2, record.History.Length);
        Assert.Equal("dao/3", record.History[1].Proposal);
        var before = PersonhoodRules.Record("dao", Subject, History, T - 1);
        Assert.Null(before.Since);
        Assert.Empty(before.History);
    }

    [Fact]
    public void A_change_never_takes_effect_before_the_last_one() =>
        Assert.Equal((T + 200, T + 300, T), (PersonhoodRules.EffectiveAt(History, T + 5), PersonhoodRules.EffectiveAt(History, T + 300),
            PersonhoodRules.EffectiveAt([], T)));

    private static ProposalInfo Proposal(ProposalState state, params ProposalAction[] actions) => new()
    {
        Id = "dao/4", Dao = "dao", State = state, Eta = Samples.T0, Actions = [.. actions],
    };

    [Fact]
    public void Only_the_daos_executing_or_executed_proposal_with_that_very_action_decides()
    {
        var action = new SetPersonhood(Subject, true);
        var now = Samples.T0 + TimeSpan.FromSeconds(1);
        Assert.True(PersonhoodRules.DecidedBy(Proposal(ProposalState.Executed, action), "dao", Subject, 0, true, now));
        Assert.True(PersonhoodRules.DecidedBy(
            Proposal(ProposalState.Queued, new SetRole(DaoRole.Committee, Subject, true), action), "dao", Subject, 1, true, now));

        var beforeEta = Samples.T0 - TimeSpan.FromSeconds(1);
        Assert.False(PersonhoodRules.DecidedBy(Proposal(ProposalState.Queued, action), "dao", Subject, 0, true, beforeEta));
        Assert.False(PersonhoodRules.DecidedBy(Proposal(ProposalState.Succeeded, action), "dao", Subject, 0, true, now));
        Assert.False(PersonhoodRules.DecidedBy(Proposal(ProposalState.Executed, action), "other", Subject, 0, true, now));
        Assert.False(PersonhoodRules.DecidedBy(Proposal(ProposalState.Executed, action), "dao", Address(8), 0, true, now));
        Assert.False(PersonhoodRules.DecidedBy(Proposal(ProposalState.Executed, action), "dao", Subject, 0, false, now));
        Assert.False(PersonhoodRules.DecidedBy(Proposal(ProposalState.Executed, action), "dao", Subject, 1, true, now));
        Assert.False(PersonhoodRules.DecidedBy(Proposal(ProposalState.Executed, action), "dao", Subject, -1, true, now));
    }

    [Theory]
    [InlineData(2, true, 2, true)]
    [InlineData(1, true, 1, true)]
    [InlineData(2, true, 1, false)] // the losing choice's action never executes
    [InlineData(2, false, 2, false)] // not final yet
    public void In_a_choice_class_only_the_winning_choices_action_decides(int winner, bool final, int choice, bool decided)
    {
        var proposal = Proposal(ProposalState.Executed) with
        {
            Class = new ProposalClass { Counting = CountingType.SingleChoice },
            Choices =
            [
                new ProposalChoice { Label = "no", Actions = [new SetPersonhood(Address(8), true)] },
                new ProposalChoice { Label = "yes", Actions = [new SetPersonhood(Subject, true)] },
            ],
            Tally = Tally.Empty with { Outcome = new ChoiceOutcome { Winner = winner, Final = final } },
        };
        var subject = choice == 1 ? Address(8) : Subject;

        Assert.Equal(decided, PersonhoodRules.DecidedBy(proposal, "dao", subject, 0, true, Samples.T0));
    }
}
