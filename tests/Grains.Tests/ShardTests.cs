using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Blocktrack.Grains.Tests;

/// <summary>A proposal's ballots spread over shard grains by voter, are sealed at the deadline and recomputable from the log.</summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ShardTests(FakeClockClusterFixture fixture)
{
    private static readonly string[] Voters = Enumerable.Range(1, 64).Select(i => DaoScenario.Address(0x7000 + i * 37)).ToArray();

    private async Task<(DaoScenario S, ProposalInfo P)> Voting(string name)
    {
        var s = new DaoScenario(fixture, name);
        await s.Create();
        foreach (var v in Voters) await s.Fund(v, 5);
        var p = await s.Propose(Voters[0], "standard");
        await s.OpenVoting(p.Id);
        return (s, p);
    }

    [Fact]
    public async Task Ballots_spread_over_shards_and_the_proposal_merges_them()
    {
        var (s, p) = await Voting("shards");
        Assert.Equal(BallotShards.Default, p.BallotShards);
        foreach (var v in Voters) await s.Grains.Shard(p.Id, v, p.BallotShards).CastBallot(Request(s, p.Id, v, Support.For));

        var perShard = await Task.WhenAll(Enumerable.Range(0, p.BallotShards)
            .Select(i => s.Grains.GetGrain<IBallotShardGrain>(BallotShards.Key(p.Id, i)).GetTally()));
        Assert.True(perShard.Count(t => t.Voters > 0) > 1, "ballots should land on more than one shard");
        Assert.Equal(Voters.Length, perShard.Sum(t => t.Voters));
        var tally = await s.Proposal(p.Id).GetTally();
        Assert.Equal(Voters.Length * 5, tally.For);
        var page = await s.Proposal(p.Id).GetBallots(10, 20);
        Assert.Equal(Voters.Order(StringComparer.Ordinal).Skip(10).Take(20), page.Select(b => b.Voter));
    }

    [Fact]
    public async Task A_ballot_sent_to_the_wrong_shard_is_refused()
    {
        var (s, p) = await Voting("wrongshard");
        var voter = Voters[3];
        var wrong = (BallotShards.Of(voter, p.BallotShards) + 1) % p.BallotShards;
        var e = await Assert.ThrowsAsync<GovernanceException>(() =>
            s.Grains.GetGrain<IBallotShardGrain>(BallotShards.Key(p.Id, wrong)).CastBallot(Request(s, p.Id, voter, Support.For)));
        Assert.Equal(GovernanceError.InvalidArgument, e.Error);
        Assert.Equal(0, (await s.Proposal(p.Id).GetTally()).Voters);
    }

    [Fact]
    public async Task After_the_deadline_no_shard_takes_a_ballot_and_the_final_tally_equals_the_log()
    {
        var (s, p) = await Voting("sealing");
        foreach (var v in Voters.Take(40)) await s.Vote(p.Id, v, v.EndsWith('1') ? Support.Against : Support.For);
        await s.Vote(p.Id, Voters[5], Support.Abstain, s.Now + 1); // a replacement: the log holds both, the tally the last
        await s.CloseVoting(p.Id);
        var late = await Assert.ThrowsAsync<GovernanceException>(() =>
            s.Grains.Shard(p.Id, Voters[50], p.BallotShards).CastBallot(Request(s, p.Id, Voters[50], Support.For)));
        Assert.Equal(GovernanceError.ProposalNotActive, late.Error);

        var done = await s.WaitFor(p.Id, ProposalState.Queued);
        Assert.Equal(40, done.Tally.Voters);
        var log = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IBallotLog>();
        var recomputed = Tally.Empty;
        var total = 0;
        for (var i = 0; i < p.BallotShards; i++)
        {
            var ballots = await log.ReadAsync(BallotShards.Key(p.Id, i));
            total += ballots.Count;
            recomputed = Counting.Sum([recomputed, Counting.Recompute(ballots)]);
        }
        Assert.Equal(41, total);
        Assert.Equal(done.Tally, recomputed);
        Assert.Equal(5, done.Tally.Abstain);
    }

    [Fact]
    public async Task A_shard_that_is_deactivated_rebuilds_its_ballots_from_the_log()
    {
        var (s, p) = await Voting("reactivate");
        var voter = Voters[7];
        await s.Vote(p.Id, voter, Support.For);
        var shard = s.Grains.Shard(p.Id, voter, p.BallotShards);
        await fixture.Cluster.DeactivateAsync(shard);
        Assert.Equal(5, (await shard.GetTally()).For);
        var again = await s.Vote(p.Id, voter, Support.For);
        Assert.True(again.Duplicate);
        Assert.Equal(1, (await s.Proposal(p.Id).GetTally()).Voters);
    }

    [Fact]
    public async Task A_ballot_takes_the_voters_power_from_its_stored_state_without_activating_it()
    {
        var (s, p) = await Voting("stored");
        var voter = Voters[11];
        var grain = s.Grains.GetGrain<IVoterGrain>(voter);
        await fixture.Cluster.DeactivateAsync(grain);
        var management = s.Grains.GetGrain<IManagementGrain>(0);
        Assert.Null(await management.GetActivationAddress(grain));

        var receipt = await s.Grains.Shard(p.Id, voter, p.BallotShards).CastBallot(Request(s, p.Id, voter, Support.For));
        Assert.Equal(5, receipt.Weight);
        Assert.Null(await management.GetActivationAddress(grain));
        // The activation, once asked, agrees with what the shard read.
        Assert.Equal(receipt.Weight, await grain.GetVotes(s.Token, p.Snapshot.ToUnixTimeSeconds()));
        Assert.Equal(5, (await s.Proposal(p.Id).GetTally()).For);
    }

    [Fact]
    public async Task A_ballot_another_activation_of_the_shard_logged_is_in_the_final_tally()
    {
        // While silos leave or join, Orleans may briefly run two activations of one shard; both append to its log.
        var (s, p) = await Voting("twin");
        var (mine, twins) = (Voters[9], Voters[10]);
        await s.Vote(p.Id, mine, Support.For);
        var log = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IBallotLog>();
        var logged = (await log.ReadAsync(BallotShards.Key(p.Id, BallotShards.Of(mine, p.BallotShards)))).Single();
        var other = BallotShards.Key(p.Id, BallotShards.Of(twins, p.BallotShards));
        await s.Grains.GetGrain<IBallotShardGrain>(other).GetTally(); // this activation has read the log already
        await log.AppendAsync(other, [logged with { Voter = twins, Support = Support.Against, Digest = "0x" + new string('7', 64) }]);

        await s.CloseVoting(p.Id);
        var done = await s.WaitFor(p.Id, ProposalState.Defeated);
        Assert.Equal(2, done.Tally.Voters);
        Assert.Equal(5, done.Tally.For);
        Assert.Equal(5, done.Tally.Against);
        var listed = await s.Proposal(p.Id).GetBallots(0, 10);
        Assert.Contains(listed, b => b.Voter == twins);
    }

    private static BallotRequest Request(DaoScenario s, string proposal, string voter, Support support) => new()
    {
        Voter = voter, Support = support, Timestamp = s.Now,
        Digest = Blocktrack.Chain.Hex.ToHex(Blocktrack.Chain.Keccak256.Hash($"{voter}|{proposal}|{(int)support}|{s.Now}")),
        Signature = "0x",
    };
}
