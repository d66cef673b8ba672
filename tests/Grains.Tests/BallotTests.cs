using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class BallotTests(FakeClockClusterFixture fixture)
{
    private static readonly string Alice = DaoScenario.Address(0x1a), Bob = DaoScenario.Address(0x1b), Nobody = DaoScenario.Address(0x1c);

    private async Task<(DaoScenario S, string Standard, string Constitutional)> Open(string name)
    {
        var s = new DaoScenario(fixture, name);
        await s.Create();
        await s.Fund(Alice, 700);
        await s.Fund(Bob, 300);
        var standard = await s.Propose(Alice, "standard");
        var constitutional = await s.Propose(Alice, "constitutional");
        await s.OpenVoting(standard.Id);
        return (s, standard.Id, constitutional.Id);
    }

    [Fact]
    public async Task The_same_ballot_sent_many_times_at_once_counts_exactly_once()
    {
        var (s, id, _) = await Open("dupes");
        var ts = s.Now;
        var receipts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => s.Vote(id, Alice, Support.For, ts)));
        Assert.Equal(1, receipts.Count(r => !r.Duplicate));
        Assert.Equal(19, receipts.Count(r => r.Duplicate));
        var tally = await s.Proposal(id).GetTally();
        Assert.Equal(700, tally.For);
        Assert.Equal(1, tally.Voters);
    }

    [Fact]
    public async Task A_voter_changes_its_ballot_where_the_class_allows_and_only_forward_in_time()
    {
        var (s, standard, constitutional) = await Open("changes");
        var t0 = s.Now;
        await s.Vote(standard, Bob, Support.For, t0);
        var changed = await s.Vote(standard, Bob, Support.Against, t0 + 5);
        Assert.True(changed.Replaced);
        var tally = await s.Proposal(standard).GetTally();
        Assert.Equal(0, tally.For);
        Assert.Equal(300, tally.Against);
        Assert.Equal(1, tally.Voters);

        var stale = await Assert.ThrowsAsync<GovernanceException>(() => s.Vote(standard, Bob, Support.For, t0 + 1));
        Assert.Equal(GovernanceError.StaleBallot, stale.Error);

        await s.Vote(constitutional, Bob, Support.For, t0);
        var again = await Assert.ThrowsAsync<GovernanceException>(() => s.Vote(constitutional, Bob, Support.Against, t0 + 5));
        Assert.Equal(GovernanceError.AlreadyVoted, again.Error);
        Assert.Equal(300, (await s.Proposal(constitutional).GetTally()).For);
    }

    [Fact]
    public async Task Once_voting_opens_the_info_carries_the_votable_supply_and_quorum_before_any_ballot()
    {
        var (s, _, _) = await Open("quorum-base");
        // A proposal whose voting opens now and has no ballot: the first answer after the snapshot, which may come before
        // its wake-up has read the supply.
        var p = await s.Propose(Alice, "standard");
        s.Advance(p.Snapshot - DateTimeOffset.FromUnixTimeSeconds(s.Now) + TimeSpan.FromSeconds(1));
        var info = await s.Proposal(p.Id).GetInfo();
        Assert.Equal(ProposalState.Active, info.State);
        Assert.Equal(1000, info.VotableSupply);
        Assert.Equal(40, info.QuorumRequired);
    }

    [Fact]
    public async Task Power_is_read_at_the_snapshot_so_later_delegation_and_transfers_change_nothing()
    {
        var (s, id, _) = await Open("snapshot");
        // After the snapshot Bob delegates to Alice and Alice's balance doubles: neither counts here.
        await s.Grains.GetGrain<IVoterGrain>(Bob).Delegate(s.Token, Alice);
        await s.Grains.GetGrain<IVoterGrain>(Alice).RecordBalance(s.Token, s.Now, 1400);
        var alice = await s.Vote(id, Alice, Support.For);
        var bob = await s.Vote(id, Bob, Support.Against);
        Assert.Equal(700, alice.Weight);
        Assert.Equal(300, bob.Weight);
        Assert.Equal(1700, (await s.Grains.GetGrain<IVoterGrain>(Alice).GetInfo(s.Token)).Votes);
        Assert.Equal(0, (await s.Grains.GetGrain<IVoterGrain>(Bob).GetInfo(s.Token)).Votes);

        // A proposal created now sees the new distribution.
        var later = await s.Propose(Alice, "standard");
        await s.OpenVoting(later.Id);
        Assert.Equal(1700, (await s.Vote(later.Id, Alice, Support.For)).Weight);
        var bobLater = await Assert.ThrowsAsync<GovernanceException>(() => s.Vote(later.Id, Bob, Support.For));
        Assert.Equal(GovernanceError.InsufficientPower, bobLater.Error);
        Assert.Equal(1700, (await s.Proposal(later.Id).GetInfo()).VotableSupply);
    }

    [Fact]
    public async Task Ballots_outside_voting_or_without_power_are_refused_and_change_nothing()
    {
        var (s, id, constitutional) = await Open("refusals");
        var none = await Assert.ThrowsAsync<GovernanceException>(() => s.Vote(id, Nobody, Support.For));
        Assert.Equal(GovernanceError.InsufficientPower, none.Error);
        await s.Vote(id, Alice, Support.For);
        await s.CloseVoting(id);
        var closed = await Assert.ThrowsAsync<GovernanceException>(() => s.Vote(id, Bob, Support.Against));
        Assert.Equal(GovernanceError.ProposalNotActive, closed.Error);
        var tally = await s.Proposal(id).GetTally();
        Assert.Equal(700, tally.For);
        Assert.Equal(0, tally.Against);
        Assert.Equal(1, tally.Voters);
        Assert.Empty(await s.Proposal(constitutional).GetBallots(0, 10));
    }

    [Fact]
    public async Task A_whitelist_class_gives_each_committee_member_its_weight()
    {
        var s = new DaoScenario(fixture, "whitelist");
        var committee = s.Standard with
        {
            Name = "grant", QuorumBps = 2000,
            PowerSource = PowerSource.Whitelist([new(Alice, 10), new(Bob, 10), new(Nobody, 10)]),
        };
        await s.Create(s.Constitution(committee));
        var p = await s.Propose(Alice, "grant");
        await s.OpenVoting(p.Id);
        Assert.Equal(10, (await s.Vote(p.Id, Alice, Support.For)).Weight);
        await s.Vote(p.Id, Nobody, Support.For);
        var outsider = await Assert.ThrowsAsync<GovernanceException>(() => s.Vote(p.Id, DaoScenario.Address(0x99), Support.For));
        Assert.Equal(GovernanceError.InsufficientPower, outsider.Error);
        await s.CloseVoting(p.Id);
        var done = await s.WaitFor(p.Id, ProposalState.Queued);
        Assert.Equal(30, done.VotableSupply);
        Assert.Equal(6, done.QuorumRequired);
    }
}
