using Blocktrack.Chain;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>A closed proposal proves each ballot's place in its published ballot-set hash; sealed shards serve the paths.</summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class BallotProofTests(FakeClockClusterFixture fixture)
{
    private static readonly string[] Voters = Enumerable.Range(1, 45).Select(i => DaoScenario.Address(0x9100 + i * 53)).ToArray();

    private async Task<(DaoScenario S, ProposalInfo P)> Closed(string name, int voting)
    {
        var s = new DaoScenario(fixture, name);
        await s.Create();
        for (var i = 0; i < Voters.Length; i++) await s.Fund(Voters[i], 10 + i);
        var p = await s.Propose(Voters[0], "standard");
        await s.OpenVoting(p.Id);
        for (var i = 0; i < voting; i++) await s.Vote(p.Id, Voters[i], (Support)(i % 3));
        await s.CloseVoting(p.Id);
        return (s, await s.WaitFor(p.Id, ProposalState.Queued));
    }

    [Fact]
    public async Task Every_ballot_of_a_closed_proposal_has_a_proof_that_leads_to_the_published_hash()
    {
        var (s, p) = await Closed("proofs", voting: 41);
        Assert.NotNull(p.BallotSetHash);
        var ballots = await s.Proposal(p.Id).GetBallots(0, 200);
        Assert.Equal(41, ballots.Length);
        foreach (var ballot in ballots)
        {
            var proof = await s.Proposal(p.Id).GetBallotProof(ballot.Voter);
            Assert.Equal((ballot.Voter, ballot.Digest, ballot.Weight), (proof.Ballot.Voter, proof.Ballot.Digest, proof.Ballot.Weight));
            Assert.Equal(BallotShards.Of(ballot.Voter, p.BallotShards), proof.Shard);
            Assert.Equal(Hex.ToHex(BallotSetHash.Leaf(ballot)), proof.Leaf);
            Assert.True(BallotSetHash.Verify(proof.Leaf, proof.Proof, proof.ShardRoot), ballot.Voter);
            Assert.Equal(p.BallotShards, proof.ShardRoots.Length);
            Assert.Equal(proof.ShardRoot, proof.ShardRoots[proof.Shard]);
            Assert.Equal(p.BallotSetHash, BallotSetHash.Combine(proof.ShardRoots));
            Assert.Equal(p.BallotSetHash, proof.BallotSetHash);
        }
        // The roots are those of the shards' own ballot sets, not merely self-consistent.
        var byShard = ballots.GroupBy(b => BallotShards.Of(b.Voter, p.BallotShards)).ToDictionary(g => g.Key, g => g.ToList());
        var first = await s.Proposal(p.Id).GetBallotProof(ballots[0].Voter);
        for (var shard = 0; shard < p.BallotShards; shard++)
            Assert.Equal(BallotSetHash.Compute(byShard.GetValueOrDefault(shard) ?? []), first.ShardRoots[shard]);
    }

    [Fact]
    public async Task A_proof_is_refused_while_voting_and_for_a_voter_without_a_ballot()
    {
        var s = new DaoScenario(fixture, "proofs-early");
        await s.Create();
        await s.Fund(Voters[0], 7);
        var p = await s.Propose(Voters[0], "standard");
        await s.OpenVoting(p.Id);
        await s.Vote(p.Id, Voters[0], Support.For);

        var early = await Assert.ThrowsAsync<GovernanceException>(() => s.Proposal(p.Id).GetBallotProof(Voters[0]));
        Assert.Equal(GovernanceError.InvalidState, early.Error);
        Assert.Contains("once voting has closed", early.Message);
        var shard = s.Grains.Shard(p.Id, Voters[0], p.BallotShards);
        Assert.Equal(GovernanceError.InvalidState, (await Assert.ThrowsAsync<GovernanceException>(() => shard.GetProof(Voters[0]))).Error);

        await s.CloseVoting(p.Id);
        await s.WaitFor(p.Id, ProposalState.Queued);
        var missing = await Assert.ThrowsAsync<GovernanceException>(() => s.Proposal(p.Id).GetBallotProof(Voters[1]));
        Assert.Equal(GovernanceError.BallotNotFound, missing.Error);
        Assert.Contains(Voters[1], missing.Message);
        var bad = await Assert.ThrowsAsync<GovernanceException>(() => s.Proposal(p.Id).GetBallotProof("0xABC"));
        Assert.Equal(GovernanceError.InvalidArgument, bad.Error);
        Assert.True(BallotSetHash.Verify((await s.Proposal(p.Id).GetBallotProof(Voters[0])).Leaf, [], (await shard.GetRoot())));
    }

    [Fact]
    public async Task A_sealed_shard_that_is_deactivated_serves_the_same_proofs_from_its_log()
    {
        var (s, p) = await Closed("proofs-reactivate", voting: 20);
        var voter = Voters[11];
        var before = await s.Proposal(p.Id).GetBallotProof(voter);
        // Only the shard: the memory profile's grain storage cannot read a proposal's state back after deactivation.
        await fixture.Cluster.DeactivateAsync(s.Grains.Shard(p.Id, voter, p.BallotShards));
        var shard = s.Grains.Shard(p.Id, voter, p.BallotShards);
        Assert.Equal(before.ShardRoot, await shard.GetRoot());
        var after = await s.Proposal(p.Id).GetBallotProof(voter);
        Assert.Equal(before.Leaf, after.Leaf);
        Assert.Equal(string.Join(",", before.Proof), string.Join(",", after.Proof));
        Assert.Equal(string.Join(",", before.ShardRoots), string.Join(",", after.ShardRoots)); // ImmutableArray equality is by reference
        Assert.True(BallotSetHash.Verify(after.Leaf, after.Proof, after.ShardRoot));
    }

    [Fact]
    public async Task The_proposal_reads_a_voters_power_at_its_snapshot_not_now()
    {
        var s = new DaoScenario(fixture, "proofs-power");
        await s.Create();
        await s.Fund(Voters[2], 900);
        var p = await s.Propose(Voters[2], "standard");
        var pending = await Assert.ThrowsAsync<GovernanceException>(() => s.Proposal(p.Id).GetVotingPower(Voters[2]));
        Assert.Equal(GovernanceError.InvalidState, pending.Error);

        await s.OpenVoting(p.Id);
        await s.Fund(Voters[2], 5); // after the snapshot: changes nothing
        var power = await s.Proposal(p.Id).GetVotingPower(Voters[2]);
        Assert.Equal(900, power.Power);
        Assert.Equal(900, power.Weight);
        Assert.Equal(p.Snapshot, power.Snapshot);
        Assert.Equal(0, (await s.Proposal(p.Id).GetVotingPower(Voters[3])).Power);
    }
}
