using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Voters;

namespace Blocktrack.Grains.Tests;

[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ReputationTests(FakeClockClusterFixture fixture)
{
    private const long H = 90 * 86_400;
    private static readonly string Alice = DaoScenario.Address(0x3a), Bob = DaoScenario.Address(0x3b), Carol = DaoScenario.Address(0x3c);

    private IReputationGrain Ledger(string address) => fixture.Grains.GetGrain<IReputationGrain>(address);

    private Task<BigInteger> Total(string domain, long at) => ReputationKeys.TotalAt(fixture.Grains, domain, at);

    private async Task<DaoScenario> Dao(string name)
    {
        var s = new DaoScenario(fixture, name);
        await s.Create();
        return s;
    }

    [Fact]
    public async Task A_cause_is_awarded_once_however_often_it_is_sent()
    {
        var s = await Dao("rep-once");
        var at = s.Now;

        var first = await Ledger(Alice).Award(s.Dao, "vote:rep-once/1", 1000, at);
        var again = await Ledger(Alice).Award(s.Dao, "vote:rep-once/1", 1000, at);
        var other = await Ledger(Alice).Award(s.Dao, "vote:rep-once/1", 5000, at + 10);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Ledger(Alice).Award(s.Dao, "manual:rep-once", 7, at)));

        Assert.True(first.Applied);
        Assert.Equal((1000, 1000, at), ((long)first.Amount, (long)first.Reputation, first.At));
        Assert.False(again.Applied);
        Assert.Equal(first with { Applied = false }, again);
        Assert.Equal(first with { Applied = false }, other);
        Assert.Equal(1, concurrent.Count(a => a.Applied));
        Assert.Equal(1007, await Ledger(Alice).GetReputation(s.Dao, at));
        Assert.Equal(1007, await Total(s.Dao, at));
    }

    [Fact]
    public async Task Past_readings_decay_from_each_award_and_stay_put_as_awards_follow()
    {
        var s = await Dao("rep-past");
        var t0 = s.Now - 3 * H;
        await Ledger(Bob).Award(s.Dao, "manual:past-1", 1000, t0);
        Assert.Equal(500, await Ledger(Bob).GetReputation(s.Dao, t0 + H));
        var halfway = await Ledger(Bob).GetReputation(s.Dao, t0 + H / 2);

        await Ledger(Bob).Award(s.Dao, "manual:past-2", 2000, t0 + H);

        Assert.Equal(0, await Ledger(Bob).GetReputation(s.Dao, t0 - 1));
        Assert.Equal(1000, await Ledger(Bob).GetReputation(s.Dao, t0));
        Assert.Equal(halfway, await Ledger(Bob).GetReputation(s.Dao, t0 + H / 2));
        Assert.Equal(Decay.Down(1000, H / 2, H), halfway);
        Assert.Equal(2500, await Ledger(Bob).GetReputation(s.Dao, t0 + H));
        Assert.Equal(1250, await Ledger(Bob).GetReputation(s.Dao, t0 + 2 * H));
        Assert.Equal(625, await Ledger(Bob).GetReputation(s.Dao, t0 + 3 * H));
    }

    [Fact]
    public async Task Timepoints_only_move_forward_and_domains_must_be_daos()
    {
        var s = await Dao("rep-forward");
        await Ledger(Carol).Award(s.Dao, "manual:fwd-1", 10, s.Now);

        var stale = await Assert.ThrowsAsync<GovernanceException>(() => Ledger(Carol).Award(s.Dao, "manual:fwd-2", 10, s.Now - 1));
        Assert.Equal(GovernanceError.StaleTimepoint, stale.Error);
        var future = await Assert.ThrowsAsync<GovernanceException>(() => Ledger(Carol).Award(s.Dao, "manual:fwd-3", 10, s.Now + 3_600));
        Assert.Equal(GovernanceError.StaleTimepoint, future.Error);
        var unknown = await Assert.ThrowsAsync<GovernanceException>(() => Ledger(Carol).Award("rep-nowhere", "manual:fwd-4", 10, null));
        Assert.Equal(GovernanceError.DaoNotFound, unknown.Error);
        var zero = await Assert.ThrowsAsync<GovernanceException>(() => Ledger(Carol).Award(s.Dao, "manual:fwd-5", 0, null));
        Assert.Equal(GovernanceError.InvalidArgument, zero.Error);
        Assert.Equal(10, await Ledger(Carol).GetReputation(s.Dao, s.Now));
    }

    [Fact]
    public async Task The_votable_total_of_a_domain_adds_every_holders_award_in_any_order()
    {
        var s = await Dao("rep-total");
        var t0 = s.Now - 2 * H;
        await Ledger(Alice).Award(s.Dao, "manual:total-a", 1000, t0);
        await Ledger(Bob).Award(s.Dao, "manual:total-b", 2000, t0 + H);
        // Carol's award dates from before Bob's: the total takes it in the past and raises what came after.
        await Ledger(Carol).Award(s.Dao, "manual:total-c", 4000, t0);

        Assert.Equal(5000, await Total(s.Dao, t0));
        Assert.Equal(4500, await Total(s.Dao, t0 + H));
        Assert.Equal(2250, await Total(s.Dao, t0 + 2 * H));
        var sum = BigInteger.Zero;
        foreach (var who in new[] { Alice, Bob, Carol }) sum += await Ledger(who).GetReputation(s.Dao, t0 + 2 * H);
        Assert.Equal(2250, sum);

        var odd = t0 + 2 * H - 12_345;
        var oddSum = BigInteger.Zero;
        foreach (var who in new[] { Alice, Bob, Carol }) oddSum += await Ledger(who).GetReputation(s.Dao, odd);
        var oddTotal = await Total(s.Dao, odd);
        Assert.InRange(oddTotal - oddSum, 0, 6);
    }

    [Fact]
    public async Task Power_strategies_read_reputation_of_the_proposals_dao_or_a_named_domain()
    {
        var s = await Dao("rep-power");
        var other = await Dao("rep-power-other");
        var at = s.Now - H;
        await Ledger(Alice).Award(s.Dao, "manual:power-1", 3000, at);
        await Ledger(Alice).Award(other.Dao, "manual:power-2", 800, at);
        await Ledger(Bob).Award(s.Dao, "manual:power-3", 1000, at);

        var own = new PowerSource { Kind = PowerSourceKind.Reputation };
        var named = new PowerSource { Kind = PowerSourceKind.Reputation, Domain = other.Dao, MultiplierBps = 5_000 };
        Assert.Equal(1500, await PowerReader.VotesAt(fixture.Grains, own, s.Dao, Alice, at + H));
        Assert.Equal(2000, await PowerReader.VotableAt(fixture.Grains, own, s.Dao, at + H));
        Assert.Equal(200, await PowerReader.VotesAt(fixture.Grains, named, s.Dao, Alice, at + H));
        var both = new PowerSource { Strategies = [own, named] };
        Assert.Equal(1700, await PowerReader.VotesAt(fixture.Grains, both, s.Dao, Alice, at + H));
        Assert.Equal(2200, await PowerReader.VotableAt(fixture.Grains, both, s.Dao, at + H));
    }

    [Fact]
    public async Task A_reputation_class_weighs_ballots_by_reputation_at_the_snapshot()
    {
        var s = new DaoScenario(fixture, "rep-vote");
        var merit = s.Standard with { Name = "merit", PowerSource = new PowerSource { Kind = PowerSourceKind.Reputation } };
        await s.Create(s.Constitution(merit));
        var awarded = s.Now;
        await Ledger(Alice).Award(s.Dao, "manual:vote-a", 600_000, awarded);
        await Ledger(Bob).Award(s.Dao, "manual:vote-b", 400_000, awarded);

        var p = await s.Propose(Alice, "merit");
        await s.OpenVoting(p.Id);
        // Reputation gained after the snapshot does not count.
        await Ledger(Alice).Award(s.Dao, "manual:vote-late", 1_000_000, null);
        var receipt = await s.Vote(p.Id, Alice, Support.For);

        var snapshot = (await s.Proposal(p.Id).GetInfo()).Snapshot.ToUnixTimeSeconds();
        Assert.Equal(Decay.Down(600_000, snapshot - awarded, H), receipt.Weight);
        Assert.True(receipt.Weight < 600_000);
        var info = await s.Proposal(p.Id).GetInfo();
        Assert.Equal(Decay.Up(1_000_000, snapshot - awarded, H), info.VotableSupply);
    }

    [Fact]
    public async Task A_sub_daos_awards_count_for_every_dao_above_it_but_not_the_other_way()
    {
        var s = await Dao("rep-tree");
        await s.Fund(Alice, 1000);
        var grants = new CreateSubDao("grants", "Grants", s.Constitution(), new DaoRoles());
        var p = await s.Propose(Alice, "standard", grants, new CreateSubDao("edu", "Education", s.Constitution(), new DaoRoles()));
        await s.OpenVoting(p.Id);
        await s.Vote(p.Id, Alice, Support.For);
        await s.CloseVoting(p.Id);
        var queued = await s.WaitFor(p.Id, ProposalState.Queued);
        s.Advance(queued.Eta!.Value - DateTimeOffset.FromUnixTimeSeconds(s.Now));
        await s.WaitFor(p.Id, ProposalState.Executed);
        await Eventually.Until(() => fixture.Grains.GetGrain<IDaoGrain>("rep-tree/edu").GetInfo(), d => d.Path == "rep-tree/edu");

        var at = s.Now;
        await Ledger(Bob).Award("rep-tree/grants", "manual:tree-1", 900, at);
        await Ledger(Bob).Award("rep-tree", "manual:tree-2", 100, at);
        await Ledger(Carol).Award("rep-tree/edu", "manual:tree-3", 50, at);

        Assert.Equal(900, await Ledger(Bob).GetReputation("rep-tree/grants", at));
        Assert.Equal(1000, await Ledger(Bob).GetReputation("rep-tree", at));
        Assert.Equal(0, await Ledger(Bob).GetReputation("rep-tree/edu", at));
        Assert.Equal(500, await Ledger(Bob).GetReputation("rep-tree", at + H));
        Assert.Equal(900, await Total("rep-tree/grants", at));
        Assert.Equal(50, await Total("rep-tree/edu", at));
        Assert.Equal(1050, await Total("rep-tree", at));
        // The root's checkpoint at `at` holds for its sub-DAOs' awards too: none of them may be dated before it.
        var stale = await Assert.ThrowsAsync<GovernanceException>(() => Ledger(Bob).Award("rep-tree/edu", "manual:tree-4", 1, at - 1));
        Assert.Equal(GovernanceError.StaleTimepoint, stale.Error);
    }
}
