using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ProposalLifecycleTests(FakeClockClusterFixture fixture)
{
    private static readonly string Alice = DaoScenario.Address(0xa11ce), Bob = DaoScenario.Address(0xb0b),
        Carol = DaoScenario.Address(0xca201);
    private static readonly string Payee = DaoScenario.Address(0xbeef);

    private async Task<DaoScenario> Setup(string name, DaoRoles? roles = null)
    {
        var s = new DaoScenario(fixture, name);
        await s.Create(roles: roles);
        await s.Fund(Alice, 600);
        await s.Fund(Bob, 300);
        await s.Fund(Carol, 100);
        return s;
    }

    [Fact]
    public async Task A_passed_proposal_queues_for_its_timelock_and_then_executes_by_itself()
    {
        var s = await Setup("lifecycle");
        var p = await s.Propose(Alice, "standard", new TreasuryTransfer("btk", Payee, 250));
        Assert.Equal(ProposalState.Pending, p.State);
        Assert.Equal(p.CreatedAt + TimeSpan.FromHours(1), p.Snapshot);

        await s.OpenVoting(p.Id);
        await s.Vote(p.Id, Alice, Support.For);
        await s.Vote(p.Id, Bob, Support.Against);
        var tally = await s.Proposal(p.Id).GetTally();
        Assert.Equal(600, tally.For);
        Assert.Equal(300, tally.Against);
        Assert.Equal(2, tally.Voters);

        await s.CloseVoting(p.Id);
        var queued = await s.WaitFor(p.Id, ProposalState.Queued);
        Assert.Equal(queued.Deadline + TimeSpan.FromSeconds(1) + TimeSpan.FromDays(1), queued.Eta);
        Assert.Equal(1000, queued.VotableSupply);
        Assert.Equal(40, queued.QuorumRequired);
        Assert.NotNull(queued.BallotSetHash);
        Assert.Equal(1_000_000, (await s.DaoGrain.GetInfo()).Treasury["btk"]);

        s.Advance(TimeSpan.FromDays(1));
        var executed = await s.WaitFor(p.Id, ProposalState.Executed);
        Assert.Null(executed.ExecutionError);
        Assert.Equal(1_000_000 - 250, (await s.DaoGrain.GetInfo()).Treasury["btk"]);
        var index = await s.DaoGrain.ListProposals(ProposalState.Executed, 0, 10);
        Assert.Equal(p.Id, Assert.Single((await Eventually.Until(() => s.DaoGrain.ListProposals(ProposalState.Executed, 0, 10), x => x.Total == 1)).Items).Id);
        Assert.True(index.Total <= 1);
    }

    [Fact]
    public async Task A_tie_or_a_missed_quorum_is_defeated_and_changes_nothing()
    {
        var s = await Setup("defeat");
        var dan = DaoScenario.Address(0xda2);
        await s.Fund(dan, 200);
        var tie = await s.Propose(Alice, "standard", new TreasuryTransfer("btk", Payee, 1));
        var few = await s.Propose(Bob, "constitutional", new TreasuryTransfer("btk", Payee, 1));
        await s.OpenVoting(tie.Id);
        await s.Vote(tie.Id, Bob, Support.For);
        await s.Vote(tie.Id, Carol, Support.Against);
        await s.Vote(tie.Id, dan, Support.Against);
        await s.Vote(tie.Id, Alice, Support.Abstain);
        await s.Vote(few.Id, Carol, Support.For); // 100 of 1200 is below the 20% quorum
        await s.CloseVoting(few.Id);
        var tied = await s.WaitFor(tie.Id, ProposalState.Defeated);
        Assert.Equal(tied.Tally.For, tied.Tally.Against);
        var missed = await s.WaitFor(few.Id, ProposalState.Defeated);
        Assert.Equal(240, missed.QuorumRequired);
        Assert.Equal(1_000_000, (await s.DaoGrain.GetInfo()).Treasury["btk"]);
    }

    [Fact]
    public async Task The_guardian_vetoes_during_the_timelock_and_nobody_else_can()
    {
        var guardian = DaoScenario.Address(0x6a);
        var s = await Setup("veto", new DaoRoles { Guardian = guardian });
        var p = await s.Propose(Alice, "standard", new TreasuryTransfer("btk", Payee, 500));
        await s.OpenVoting(p.Id);
        await s.Vote(p.Id, Alice, Support.For);
        var early = await Assert.ThrowsAsync<GovernanceException>(() => s.Proposal(p.Id).Veto(guardian, "too early"));
        Assert.Equal(GovernanceError.InvalidState, early.Error);
        await s.CloseVoting(p.Id);
        await s.WaitFor(p.Id, ProposalState.Queued);

        var stranger = await Assert.ThrowsAsync<GovernanceException>(() => s.Proposal(p.Id).Veto(Bob, "I disagree"));
        Assert.Equal(GovernanceError.NotAuthorized, stranger.Error);
        var vetoed = await s.Proposal(p.Id).Veto(guardian, "drains the treasury");
        Assert.Equal(ProposalState.Vetoed, vetoed.State);
        Assert.Equal(guardian, vetoed.VetoedBy);

        s.Advance(TimeSpan.FromDays(2));
        Assert.Equal(ProposalState.Vetoed, (await s.Proposal(p.Id).GetInfo()).State);
        Assert.Equal(1_000_000, (await s.DaoGrain.GetInfo()).Treasury["btk"]);
    }

    [Fact]
    public async Task Only_the_proposer_cancels_and_only_while_pending()
    {
        var s = await Setup("cancel");
        var p = await s.Propose(Alice, "standard");
        var other = await Assert.ThrowsAsync<GovernanceException>(() => s.Proposal(p.Id).Cancel(Bob));
        Assert.Equal(GovernanceError.NotAuthorized, other.Error);
        var canceled = await s.Proposal(p.Id).Cancel(Alice);
        Assert.Equal(ProposalState.Canceled, canceled.State);

        var q = await s.Propose(Alice, "standard");
        await s.OpenVoting(q.Id);
        var late = await Assert.ThrowsAsync<GovernanceException>(() => s.Proposal(q.Id).Cancel(Alice));
        Assert.Equal(GovernanceError.InvalidState, late.Error);
        var ballot = await Assert.ThrowsAsync<GovernanceException>(() => s.Vote(p.Id, Bob, Support.For));
        Assert.Equal(GovernanceError.ProposalNotActive, ballot.Error);
    }

    [Fact]
    public async Task A_queued_proposal_whose_actions_fail_records_why_changes_nothing_and_expires_after_grace()
    {
        var s = await Setup("expiry");
        var p = await s.Propose(Alice, "standard",
            new SetRole(DaoRole.Committee, Bob, true),
            new TreasuryTransfer("btk", Payee, 2_000_000));
        await s.OpenVoting(p.Id);
        await s.Vote(p.Id, Alice, Support.For);
        await s.CloseVoting(p.Id);
        await s.WaitFor(p.Id, ProposalState.Queued);
        s.Advance(TimeSpan.FromDays(1));
        var failed = await Eventually.Until(() => s.Proposal(p.Id).GetInfo(), i => i.ExecutionError is not null);
        Assert.Equal(ProposalState.Queued, failed.State);
        Assert.Contains("action 1", failed.ExecutionError);
        var dao = await s.DaoGrain.GetInfo();
        Assert.Empty(dao.Roles.Committee);
        Assert.Equal(1_000_000, dao.Treasury["btk"]);

        s.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(2));
        await s.WaitFor(p.Id, ProposalState.Expired);
        var retry = await Assert.ThrowsAsync<GovernanceException>(() => s.Proposal(p.Id).Execute());
        Assert.Equal(GovernanceError.InvalidState, retry.Error);
    }

    [Fact]
    public async Task Reaching_quorum_late_extends_the_deadline_once()
    {
        var s = new DaoScenario(fixture, "latequorum");
        var cls = new DaoScenario(fixture, "latequorum").Standard with { Name = "fast", LateQuorumExtension = TimeSpan.FromDays(1) };
        await s.Create(s.Constitution(cls));
        await s.Fund(Alice, 600);
        await s.Fund(Bob, 400);
        var p = await s.Propose(Alice, "fast");
        await s.OpenVoting(p.Id);
        s.Advance(TimeSpan.FromDays(2.5));
        var at = s.Now;
        await s.Vote(p.Id, Bob, Support.For);
        var info = await s.Proposal(p.Id).GetInfo();
        Assert.True(info.DeadlineExtended);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(at) + TimeSpan.FromDays(1), info.Deadline);
        await s.CloseVoting(p.Id);
        await s.WaitFor(p.Id, ProposalState.Queued);
    }
}
