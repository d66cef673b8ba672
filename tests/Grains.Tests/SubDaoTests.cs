using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class SubDaoTests(FakeClockClusterFixture fixture)
{
    private static readonly string Alice = DaoScenario.Address(0x2a), Bob = DaoScenario.Address(0x2b),
        Coordinator = DaoScenario.Address(0x2c);

    private async Task<DaoScenario> Setup(string name)
    {
        var s = new DaoScenario(fixture, name);
        await s.Create();
        await s.Fund(Alice, 800);
        await s.Fund(Bob, 200);
        return s;
    }

    private static Task<ProposalInfo> Pass(DaoScenario s, ProposalInfo p) => s.Pass(p, Alice);

    private CreateSubDao Grants(DaoScenario s, int quorumBps = 500) => new("grants", "Grants committee",
        new Constitution
        {
            Classes = [s.Standard with { QuorumBps = quorumBps }, s.Constitutional with { QuorumBps = Math.Max(quorumBps, 2000) }],
            SubDaoBounds = new ConstitutionBounds { MinQuorumBps = 100, MinVotingPeriod = TimeSpan.FromDays(1), MaxVotingPeriod = TimeSpan.FromDays(14) },
        },
        new DaoRoles { Coordinators = [Coordinator] });

    [Fact]
    public async Task One_proposal_creates_a_sub_dao_and_funds_it_from_the_treasury()
    {
        var s = await Setup("parent");
        var p = await s.Propose(Alice, "standard", Grants(s), new AllocateBudget("grants", "btk", 40_000));
        var done = await Pass(s, p);
        Assert.Equal(ProposalState.Executed, done.State);

        var parent = await s.DaoGrain.GetInfo();
        Assert.Equal(960_000, parent.Treasury["btk"]);
        Assert.Contains("parent/grants", parent.SubDaos);
        var child = await Eventually.Until(() => s.Grains.GetGrain<IDaoGrain>("parent/grants").GetInfo(), c => c.Treasury.ContainsKey("btk"));
        Assert.Equal(40_000, child.Treasury["btk"]);
        Assert.Equal("parent", child.Parent);
        Assert.Equal(p.Id, child.CreatedBy);
        Assert.Equal(new[] { Coordinator }, child.Roles.Coordinators.ToArray());

        // The coordinator manages the sub-DAO's committee; nobody else does.
        var updated = await s.Grains.GetGrain<IDaoGrain>("parent/grants").ChangeCommittee(Coordinator, Bob, true);
        Assert.Equal(new[] { Bob }, updated.Roles.Committee.ToArray());
        var refused = await Assert.ThrowsAsync<GovernanceException>(() => s.Grains.GetGrain<IDaoGrain>("parent/grants").ChangeCommittee(Bob, Alice, true));
        Assert.Equal(GovernanceError.NotAuthorized, refused.Error);
    }

    [Fact]
    public async Task A_sub_dao_outside_the_parents_bounds_fails_the_whole_proposal()
    {
        var s = await Setup("strict");
        var p = await s.Propose(Alice, "standard", new AllocateBudget("other", "btk", 1), Grants(s, quorumBps: 50));
        var done = await Pass(s, p);
        Assert.Equal(ProposalState.Queued, done.State);
        Assert.Contains("action 0", done.ExecutionError);
        var q = await s.Propose(Alice, "standard", Grants(s, quorumBps: 50));
        var failed = await Pass(s, q);
        Assert.Contains("quorum 50 bps is below the parent's floor of 100 bps", failed.ExecutionError);
        Assert.Empty((await s.DaoGrain.GetInfo()).SubDaos);
        var missing = await Assert.ThrowsAsync<GovernanceException>(() => s.Grains.GetGrain<IDaoGrain>("strict/grants").GetInfo());
        Assert.Equal(GovernanceError.DaoNotFound, missing.Error);
    }

    [Fact]
    public async Task Amending_the_constitution_takes_a_constitutional_proposal_and_records_a_new_version()
    {
        var s = await Setup("amend");
        var amended = s.Constitution() with
        {
            Classes = [s.Standard with { QuorumBps = 1000 }, s.Constitutional],
        };
        var wrongClass = await Assert.ThrowsAsync<GovernanceException>(() => s.Propose(Alice, "standard", new AmendConstitution(amended)));
        Assert.Equal(GovernanceError.ActionNotAllowed, wrongClass.Error);

        var before = await s.Propose(Bob, "standard");
        var p = await s.Propose(Alice, "constitutional", new AmendConstitution(amended));
        Assert.Equal(ProposalState.Executed, (await Pass(s, p)).State);
        var history = await s.DaoGrain.GetConstitutionHistory();
        Assert.Equal([1, 2], history.Select(c => c.Version));
        Assert.Equal(p.Id, history[1].AdoptedBy);
        Assert.Equal(1000, history[1].FindClass("standard")!.QuorumBps);
        // A proposal keeps the version it was created under.
        var old = await s.Proposal(before.Id).GetInfo();
        Assert.Equal(1, old.ConstitutionVersion);
        Assert.Equal(400, old.Class.QuorumBps);
        var after = await s.Propose(Bob, "standard");
        Assert.Equal(2, after.ConstitutionVersion);
    }

    // Not All: a root DAO retiring root founding would close it for every test sharing this cluster.
    private const OperatorCapability OnDaoState =
        OperatorCapability.RecordDeposits | OperatorCapability.AwardReputation | OperatorCapability.FeedBalances;

    [Fact]
    public async Task An_executed_amendment_retires_operator_deposits_and_awards_for_the_dao_and_its_sub_daos_for_good()
    {
        var s = await Setup("retiring");
        var created = await Pass(s, await s.Propose(Alice, "standard", Grants(s)));
        Assert.Equal(ProposalState.Executed, created.State);
        var sub = s.Grains.GetGrain<IDaoGrain>("retiring/grants");
        await sub.Deposit("before", "usdc", 5);

        var retire = s.Constitution() with { RetiredOperatorCapabilities = OnDaoState };
        var amendment = await s.Propose(Alice, "constitutional", new AmendConstitution(retire));
        Assert.Equal(ProposalState.Executed, (await Pass(s, amendment)).State);

        foreach (var dao in new[] { s.DaoGrain, sub })
        {
            var before = (await dao.GetInfo()).Treasury;
            var refused = await Assert.ThrowsAsync<GovernanceException>(() => dao.Deposit("after", "usdc", 5));
            Assert.Equal(GovernanceError.OperatorRetired, refused.Error);
            Assert.Equal(before, (await dao.GetInfo()).Treasury);
            Assert.Equal(OnDaoState, await dao.RetiredOperatorCapabilities());
        }
        var award = await Assert.ThrowsAsync<GovernanceException>(() =>
            s.Grains.GetGrain<IReputationGrain>(Bob).AwardByOperator("retiring/grants", "manual:after", 10, null));
        Assert.Equal(GovernanceError.OperatorRetired, award.Error);
        Assert.Equal(0, await s.Grains.GetGrain<IReputationGrain>(Bob).GetReputation("retiring/grants", s.Now));
        var feed = await Assert.ThrowsAsync<GovernanceException>(() =>
            s.Grains.GetGrain<IVoterGrain>(Bob).RecordBalance(s.Token, s.Now, 1));
        Assert.Equal(GovernanceError.OperatorRetired, feed.Error);
        Assert.Equal(200, (await s.Grains.GetGrain<IVoterGrain>(Bob).GetInfo(s.Token)).Balance);

        // Giving a capability back is refused at execution; the retirement stands.
        var back = await Pass(s, await s.Propose(Alice, "constitutional", new AmendConstitution(s.Constitution())));
        Assert.Contains("retired for good", back.ExecutionError);
        Assert.Equal(OnDaoState, await sub.RetiredOperatorCapabilities());
    }
}
