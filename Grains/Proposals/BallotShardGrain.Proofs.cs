using System.Collections.Immutable;
using Blocktrack.Chain;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Proposals;

/// <summary>
/// A sealed shard's proofs. Its ballots cannot change once sealed, so the Merkle tree is built once, on the first
/// request, and kept: each proof is then a walk of log₂ n levels.
/// </summary>
public sealed partial class BallotShardGrain
{
    private const string ProofsAfterClose = "proofs are available once voting has closed";

    private BallotTree? _tree;

    public async Task<ShardProof?> GetProof(string voter)
    {
        var tree = await SealedTree();
        if (!_ballots.TryGetValue(voter, out var ballot) || tree.ProofOf(voter) is not { } path) return null;
        return new ShardProof
        {
            Ballot = ballot.ToBallot(),
            Leaf = Hex.ToHex(tree.LeafOf(voter)!),
            Proof = [.. path.Select(p => Hex.ToHex(p))],
            Root = tree.Root,
        };
    }

    public async Task<string> GetRoot() => (await SealedTree()).Root;

    private async Task<BallotTree> SealedTree()
    {
        Refuse.Unless(state.State.Sealed, GovernanceError.InvalidState, ProofsAfterClose);
        if (_tree is not null) return _tree;
        // Ballots accepted just before the seal may still be on their way to the log; the tree holds only durable ones.
        await Commits.WhenIdle();
        return _tree ??= BallotTree.Build(_ballots.Values, b => b.Voter, b => b.Leaf());
    }
}
