using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Governance.Tests;

/// <summary>The Governor mirror's pure rules: folding logs once, and OpenZeppelin's state() at a chain time.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class MirrorRulesTests
{
    private static readonly GovernorEvent Created = new()
    {
        Block = 10, LogIndex = 0, Timestamp = 1_000, Kind = GovernorEventKind.Created, ProposalId = "7", Proposer = "0xabc",
        VoteStart = 1_001, VoteEnd = 1_301, Description = "\n## Fund the docs\nbody",
    };

    private static GovernorEvent Vote(long block, int support, long weight) => new()
    {
        Block = block, LogIndex = 1, Timestamp = 1_000 + block, Kind = GovernorEventKind.VoteCast, ProposalId = "7", Voter = $"0x{block:x40}",
        Support = support, Weight = weight,
    };

    private static MirroredProposalFacts Fold(params GovernorEvent[] events) =>
        events.Aggregate(MirroredProposalFacts.None, (f, e) => MirrorRules.IsNew(f, e) ? MirrorRules.Apply(f, e) : f);

    [Fact]
    public void Votes_are_counted_per_support_value_and_a_repeated_log_is_not_applied_again()
    {
        var facts = Fold(Created, Vote(11, 1, 600), Vote(12, 0, 250), Vote(12, 0, 250), Vote(13, 2, 100), Vote(14, 9, 5));

        Assert.Equal(600, facts.Tally.For);
        Assert.Equal(250, facts.Tally.Against);
        Assert.Equal(100, facts.Tally.Abstain);
        Assert.Equal(4, facts.Tally.Voters);
        Assert.Equal((14L, 1), (facts.LastBlock, facts.LastLogIndex));
        Assert.Equal("Fund the docs", MirrorRules.Title(facts.Description));
    }

    [Theory]
    [InlineData(1_000, ProposalState.Pending)]
    [InlineData(1_001, ProposalState.Pending)] // OpenZeppelin: pending while snapshot >= now
    [InlineData(1_002, ProposalState.Active)]
    [InlineData(1_301, ProposalState.Active)] // active while deadline >= now
    [InlineData(1_302, ProposalState.Succeeded)]
    public void The_state_follows_the_chain_clock(long now, ProposalState expected)
    {
        var facts = Fold(Created, Vote(11, 1, 600), Vote(12, 0, 250));

        Assert.Equal(expected, MirrorRules.StateAt(facts, now, quorum: 500).State);
    }

    [Fact]
    public void After_the_deadline_quorum_counts_for_and_abstain_and_for_must_beat_against()
    {
        var facts = Fold(Created, Vote(11, 1, 300), Vote(12, 2, 200), Vote(13, 0, 100));

        Assert.Equal(ProposalState.Succeeded, MirrorRules.StateAt(facts, 2_000, quorum: 500).State);
        Assert.Equal(ProposalState.Defeated, MirrorRules.StateAt(facts, 2_000, quorum: 501).State);
        Assert.Equal(ProposalState.Defeated, MirrorRules.StateAt(Fold(Created, Vote(11, 1, 100), Vote(12, 0, 100)), 2_000, quorum: 0).State);
        Assert.Equal((ProposalState.Succeeded, true), MirrorRules.StateAt(facts, 2_000, quorum: null));
    }

    [Fact]
    public void Queued_executed_and_canceled_come_from_their_logs()
    {
        var queued = Fold(Created, Vote(11, 1, 600), Created with { Block = 20, Kind = GovernorEventKind.Queued, Eta = 5_000 });
        Assert.Equal(ProposalState.Queued, MirrorRules.StateAt(queued, 2_000, 1).State);
        Assert.Equal(5_000, queued.Eta);

        var executed = Fold(Created, Created with { Block = 21, Kind = GovernorEventKind.Executed });
        Assert.Equal(ProposalState.Executed, MirrorRules.StateAt(executed, 1_100, null).State);

        var canceled = Fold(Created, Created with { Block = 11, Kind = GovernorEventKind.Canceled });
        Assert.Equal(ProposalState.Canceled, MirrorRules.StateAt(canceled, 1_000, null).State);
    }
}
