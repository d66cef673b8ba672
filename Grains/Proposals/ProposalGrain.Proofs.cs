using System.Collections.Immutable;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Choices;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Voters;

namespace Blocktrack.Grains.Proposals;

/// <summary>What lets anyone check a closed proposal: ballot inclusion proofs and each voter's power at the snapshot.</summary>
public sealed partial class ProposalGrain
{
    /// <summary>The sealed shards' roots, asked once: they never change after sealing.</summary>
    private ImmutableArray<string> _shardRoots;

    public async Task<BallotProof> GetBallotProof(string voter)
    {
        _ = Setup;
        Addresses.Require(voter, "voter");
        Refuse.Unless(S.Sealed && S.BallotSetHash is not null, GovernanceError.InvalidState,
            "proofs are available once voting has closed");
        var shard = BallotShards.Of(voter, Shards);
        var pending = ShardGrain(shard).GetProof(voter);
        var roots = await ShardRoots();
        var proof = await pending ?? throw Refuse.With(GovernanceError.BallotNotFound, $"{voter} has no ballot in '{Id}'");
        return new BallotProof
        {
            Proposal = Id,
            Voter = voter,
            Shard = shard,
            Ballot = proof.Ballot,
            Leaf = proof.Leaf,
            Proof = proof.Proof,
            ShardRoot = proof.Root,
            ShardRoots = roots,
            BallotSetHash = S.BallotSetHash!,
        };
    }

    public async Task<VoterPower> GetVotingPower(string voter)
    {
        _ = Setup;
        Addresses.Require(voter, "voter");
        // Power at a snapshot that has not passed (or a mirrored chain not yet final past it) could still change.
        Refuse.Unless(ProposalLifecycle.Truncate(Now) > S.Snapshot && S.SnapshotFinal, GovernanceError.InvalidState,
            $"power is read at the snapshot ({S.Snapshot:u}), which is not final yet");
        var snapshot = S.Snapshot.ToUnixTimeSeconds();
        var power = await PowerReader.VotesAt(GrainFactory, Class.PowerSource, Setup.Dao, voter, snapshot);
        var (overrideOf, overrideBalance) = Class.DelegatorOverride
            ? OverrideRules.Share(voter, await GrainFactory.GetGrain<IVoterGrain>(voter)
                .GetDelegationAt(Class.PowerSource.AllTokens()[0], snapshot))
            : (null, 0);
        return new VoterPower
        {
            Proposal = Id,
            Voter = voter,
            Snapshot = S.Snapshot,
            Power = power,
            Weight = BallotRules.WeightOf(Class, power) + overrideBalance,
            OverrideOf = overrideOf,
            OverrideBalance = overrideBalance,
        };
    }

    private async Task<ImmutableArray<string>> ShardRoots()
    {
        if (_shardRoots.IsDefault)
            _shardRoots = [.. await Task.WhenAll(Enumerable.Range(0, Shards).Select(s => ShardGrain(s).GetRoot()))];
        return _shardRoots;
    }
}
