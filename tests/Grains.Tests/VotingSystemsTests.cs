using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>Choice classes, quadratic power and the quorum variants, end to end through the grains.</summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class VotingSystemsTests(FakeClockClusterFixture fixture)
{
    private static readonly string Alice = DaoScenario.Address(0xa11ce), Bob = DaoScenario.Address(0xb0b),
        Carol = DaoScenario.Address(0xca201), Dan = DaoScenario.Address(0xda2);
    private static readonly string Lab = DaoScenario.Address(0x1ab), School = DaoScenario.Address(0x5c001);

    private static ProposalChoice Grant(string label, string to, long amount) =>
        new() { Label = label, Actions = [new TreasuryTransfer("btk", to, amount)] };

    private async Task<DaoScenario> Setup(string name, params ProposalClass[] classes)
    {
        var s = new DaoScenario(fixture, name);
        await s.Create(s.Constitution(classes));
        await s.Fund(Alice, 600);
        await s.Fund(Bob, 300);
        await s.Fund(Carol, 100);
        return s;
    }

    private static ProposalClass ChoiceClass(DaoScenario s, CountingType counting) => s.Standard with
    {
        Name = counting.ToString().ToLowerInvariant(), Counting = counting, AllowBallotChange = true,
    };

    [Fact]
    public async Task A_ranked_choice_round_executes_the_runoff_winner_s_actions_and_no_other()
    {
        var s = new DaoScenario(fixture, "ranked-round");
        var cls = ChoiceClass(s, CountingType.RankedChoice);
        await s.Create(s.Constitution(cls));
        await s.Fund(Alice, 400);
        await s.Fund(Bob, 350);
        await s.Fund(Carol, 250);
        var p = await s.ProposeChoices(Alice, cls.Name, Grant("lab", Lab, 1000), Grant("school", School, 2000),
            Grant("both", Dan, 3000));
        await s.OpenVoting(p.Id);
        await s.VoteChoices(p.Id, Alice, [1, 2, 3]);
        await s.VoteChoices(p.Id, Bob, [2, 1, 3]);
        await s.VoteChoices(p.Id, Carol, [3, 2, 1]);

        // Live: first preferences, choice 1 ahead.
        Assert.Equal(1, (await s.Proposal(p.Id).GetTally()).Outcome!.Winner);

        await s.CloseVoting(p.Id);
        var queued = await s.WaitFor(p.Id, ProposalState.Queued);
        var outcome = queued.Tally.Outcome!;
        // choice 3 is eliminated and its 250 go to choice 2: 600 against 400
        Assert.True(outcome.Winner == 2, System.Text.Json.JsonSerializer.Serialize(queued.Tally, GovernanceJson.CreateOptions()));
        Assert.Equal(2, outcome.Rounds.Length);
        Assert.Equal(["400.000000000000000000", "350.000000000000000000", "250.000000000000000000"], outcome.Rounds[0].ToArray());
        s.Advance(TimeSpan.FromDays(1));
        await s.WaitFor(p.Id, ProposalState.Executed);
        Assert.Equal(1_000_000 - 2000, (await s.DaoGrain.GetInfo()).Treasury["btk"]);
    }

    [Fact]
    public async Task A_ballot_that_does_not_fit_the_counting_type_is_refused_and_changes_nothing()
    {
        var s = new DaoScenario(fixture, "bad-choices");
        var cls = ChoiceClass(s, CountingType.RankedChoice);
        await s.Create(s.Constitution(cls));
        await s.Fund(Alice, 600);
        var p = await s.ProposeChoices(Alice, cls.Name, Grant("a", Lab, 1), Grant("b", School, 1), Grant("c", Dan, 1));
        await s.OpenVoting(p.Id);
        ushort[][] invalid = [[1, 2], [1, 1, 2], [1, 2, 4], [0, 1, 2]];
        foreach (var bad in invalid)
        {
            var e = await Assert.ThrowsAsync<GovernanceException>(() => s.VoteChoices(p.Id, Alice, bad));
            Assert.Equal(GovernanceError.InvalidChoice, e.Error);
        }
        var basic = await Assert.ThrowsAsync<GovernanceException>(() => s.Vote(p.Id, Alice, Support.For));
        Assert.Equal(GovernanceError.InvalidChoice, basic.Error);
        Assert.Equal(0, (await s.Proposal(p.Id).GetTally()).Voters);

        var weighted = await Assert.ThrowsAsync<GovernanceException>(() => s.VoteChoices(p.Id, Alice, [1, 2, 3], [1, 1, 1]));
        Assert.Equal(GovernanceError.InvalidChoice, weighted.Error);
        await s.VoteChoices(p.Id, Alice, [3, 1, 2]);
        Assert.Equal(1, (await s.Proposal(p.Id).GetTally()).Voters);
    }

    [Fact]
    public async Task A_basic_class_refuses_choices_and_a_choice_class_needs_them()
    {
        var s = new DaoScenario(fixture, "choice-drafts");
        var cls = ChoiceClass(s, CountingType.SingleChoice);
        await s.Create(s.Constitution(cls));
        await s.Fund(Alice, 600);
        var basic = await Assert.ThrowsAsync<GovernanceException>(() => s.ProposeChoices(Alice, "standard", Grant("a", Lab, 1),
            Grant("b", Lab, 2)));
        Assert.Equal(GovernanceError.InvalidChoice, basic.Error);
        var one = await Assert.ThrowsAsync<GovernanceException>(() => s.ProposeChoices(Alice, cls.Name, Grant("a", Lab, 1)));
        Assert.Equal(GovernanceError.InvalidChoice, one.Error);
        var same = await Assert.ThrowsAsync<GovernanceException>(() => s.ProposeChoices(Alice, cls.Name, Grant("a", Lab, 1),
            Grant("a", Lab, 2)));
        Assert.Equal(GovernanceError.InvalidChoice, same.Error);
        var disallowed = await Assert.ThrowsAsync<GovernanceException>(() => s.ProposeChoices(Alice, cls.Name, Grant("a", Lab, 1),
            new ProposalChoice { Label = "b", Actions = [new AmendConstitution(s.Constitution(cls))] }));
        Assert.Equal(GovernanceError.ActionNotAllowed, disallowed.Error);
        Assert.Equal(0, (await s.DaoGrain.ListProposals(null, 0, 10)).Total);
    }

    [Fact]
    public async Task Reaching_the_super_quorum_closes_voting_early_and_queues()
    {
        var s = new DaoScenario(fixture, "super-quorum");
        var cls = s.Standard with { Name = "fast", SuperQuorumBps = 5000 };
        await s.Create(s.Constitution(cls));
        await s.Fund(Alice, 600);
        await s.Fund(Bob, 300);
        await s.Fund(Carol, 100);
        var p = await s.Propose(Alice, "fast");
        await s.OpenVoting(p.Id);
        await s.Vote(p.Id, Bob, Support.For); // 300 of 1,000: below the super-quorum of 500
        s.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(p.Deadline, (await s.Proposal(p.Id).GetInfo()).Deadline);
        await s.Vote(p.Id, Alice, Support.For); // 900 For: past it, and succeeding
        var closed = await Eventually.Until(() => s.Proposal(p.Id).GetInfo(), i => i.Deadline < p.Deadline);
        s.Advance(TimeSpan.FromSeconds(2));

        var queued = await s.WaitFor(p.Id, ProposalState.Queued);
        Assert.Equal(closed.Deadline, queued.Deadline);
        Assert.Equal(queued.Deadline + TimeSpan.FromSeconds(1) + cls.TimelockDelay, queued.Eta);
        Assert.Equal(900, queued.Tally.For);
    }

    [Fact]
    public async Task Against_votes_raise_a_dynamic_quorum_out_of_reach()
    {
        var s = new DaoScenario(fixture, "dynamic-quorum");
        var cls = s.Standard with
        {
            Name = "nouns", QuorumBps = 1000, DynamicQuorum = new DynamicQuorum { MinBps = 1000, MaxBps = 6000, Coefficient = 2_000_000 },
        };
        await s.Create(s.Constitution(cls));
        await s.Fund(Alice, 350);
        await s.Fund(Bob, 300);
        await s.Fund(Carol, 350);
        var p = await s.Propose(Alice, "nouns");
        await s.OpenVoting(p.Id);
        await s.Vote(p.Id, Alice, Support.For);
        await s.Vote(p.Id, Bob, Support.Against);
        // 350 For beats 300 Against, and would pass a fixed 10% quorum; but 3,000 bps against lift it to
        // min(60%, 10% + 2 × 30%) = 60% = 600 votes.
        await s.CloseVoting(p.Id);
        var defeated = await s.WaitFor(p.Id, ProposalState.Defeated);
        Assert.Equal(600, defeated.QuorumRequired);
    }

    [Fact]
    public async Task A_single_choice_round_executes_the_winning_choice_s_grant()
    {
        var s = new DaoScenario(fixture, "single-round");
        var cls = ChoiceClass(s, CountingType.SingleChoice) with { MinWinningShareBps = 5000 };
        await s.Create(s.Constitution(cls));
        await s.Fund(Alice, 600);
        await s.Fund(Bob, 300);
        await s.Fund(Carol, 100);

        var p = await s.ProposeChoices(Alice, cls.Name, Grant("lab", Lab, 1000), Grant("school", School, 2000));
        Assert.Equal(2, p.Choices.Length);
        await s.OpenVoting(p.Id);
        await s.VoteChoices(p.Id, Alice, [2]);
        var receipt = await s.VoteChoices(p.Id, Bob, [1]);
        Assert.Equal([(ushort)1], receipt.Choices.ToArray());
        Assert.StartsWith("0x", receipt.Leaf);
        await s.VoteChoices(p.Id, Carol, [1]);

        var live = await s.Proposal(p.Id).GetTally();
        Assert.Equal(["400.000000000000000000", "600.000000000000000000"], live.Outcome!.Scores.ToArray());
        Assert.False(live.Outcome.Final);
        Assert.Equal(2, live.Outcome.Winner);

        await s.CloseVoting(p.Id);
        var queued = await s.WaitFor(p.Id, ProposalState.Queued);
        Assert.True(queued.Tally.Outcome!.Final);
        Assert.Equal(6000, queued.Tally.Outcome.WinnerShareBps);
        Assert.Equal((BigInteger)1000, queued.Tally.QuorumPower);
        s.Advance(TimeSpan.FromDays(1));
        await s.WaitFor(p.Id, ProposalState.Executed);
        var treasury = (await s.DaoGrain.GetInfo()).Treasury["btk"];
        Assert.Equal(1_000_000 - 2000, treasury);
    }

    [Fact]
    public async Task A_winner_below_the_minimum_share_defeats_the_round()
    {
        var s = new DaoScenario(fixture, "share-round");
        var cls = ChoiceClass(s, CountingType.SingleChoice) with { MinWinningShareBps = 6500 };
        await s.Create(s.Constitution(cls));
        await s.Fund(Alice, 600);
        await s.Fund(Bob, 300);
        await s.Fund(Carol, 100);
        var p = await s.ProposeChoices(Alice, cls.Name, Grant("lab", Lab, 1000), Grant("school", School, 2000));
        await s.OpenVoting(p.Id);
        await s.VoteChoices(p.Id, Alice, [1]);
        await s.VoteChoices(p.Id, Bob, [2]);
        await s.VoteChoices(p.Id, Carol, [2]);
        await s.CloseVoting(p.Id);
        var defeated = await s.WaitFor(p.Id, ProposalState.Defeated);
        Assert.Equal(1, defeated.Tally.Outcome!.Winner); // 600 of 1,000 is 6,000 bps, below the class's 6,500
        Assert.Equal(6000, defeated.Tally.Outcome.WinnerShareBps);
        Assert.Equal(1_000_000, (await s.DaoGrain.GetInfo()).Treasury["btk"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_delegator_overriding_its_delegate_moves_exactly_its_balance_in_either_order(bool delegateFirst)
    {
        var s = new DaoScenario(fixture, $"override-{delegateFirst}".ToLowerInvariant());
        var cls = s.Standard with { Name = "overridable", DelegatorOverride = true };
        await s.Create(s.Constitution(cls));
        await s.Fund(Alice, 600);
        await s.Fund(Bob, 300, selfDelegate: false);
        await s.Fund(Carol, 100, selfDelegate: false);
        await s.Grains.GetGrain<IVoterGrain>(Bob).Delegate(s.Token, Alice); // Alice votes with 900
        await s.Grains.GetGrain<IVoterGrain>(Carol).Delegate(s.Token, Alice); // ... and 1,000
        s.Advance(TimeSpan.FromSeconds(2));
        var p = await s.Propose(Alice, cls.Name);
        await s.OpenVoting(p.Id);

        if (delegateFirst) await s.Vote(p.Id, Alice, Support.For);
        var bob = await s.Vote(p.Id, Bob, Support.Against); // Bob's own 300 leave Alice's For
        Assert.Equal((BigInteger)300, bob.Weight);
        if (!delegateFirst) await s.Vote(p.Id, Alice, Support.For);

        var live = await s.Proposal(p.Id).GetTally();
        Assert.Equal((BigInteger)700, live.For);
        Assert.Equal((BigInteger)300, live.Against);
        await s.CloseVoting(p.Id);
        var final = (await s.WaitFor(p.Id, ProposalState.Queued)).Tally;
        Assert.Equal((BigInteger)700, final.For);
        Assert.Equal((BigInteger)300, final.Against);
        Assert.Equal(2, final.Voters);
    }
}
