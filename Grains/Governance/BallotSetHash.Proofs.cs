using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>Inclusion proofs: a ballot's sibling path to its shard's root, checked as OpenZeppelin's MerkleProof does.</summary>
public static partial class BallotSetHash
{
    /// <summary>The root of a shard without ballots: keccak256 of no bytes.</summary>
    public static readonly string EmptyRoot = Hex.ToHex(Keccak256.Hash(ReadOnlySpan<byte>.Empty));

    /// <summary>
    /// The sibling path from <paramref name="voter"/>'s leaf to the root of <paramref name="ballots"/> (one ballot per
    /// voter), lowest level first; null when the voter has no ballot in the set. Builds the tree: a sealed shard keeps a
    /// <see cref="BallotTree"/> instead of calling this per request.
    /// </summary>
    public static IReadOnlyList<byte[]>? Proof(IEnumerable<Ballot> ballots, string voter) => BallotTree.Build(ballots).ProofOf(voter);

    /// <summary>
    /// Whether folding <paramref name="proof"/> into <paramref name="leaf"/> with sorted pairs gives <paramref name="root"/>
    /// (OpenZeppelin <c>MerkleProof.verify</c>: each step hashes the two nodes in ascending byte order).
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> leaf, IEnumerable<byte[]> proof, ReadOnlySpan<byte> root) =>
        ProcessProof(leaf, proof).AsSpan().SequenceEqual(root);

    /// <summary><see cref="Verify(ReadOnlySpan{byte}, IEnumerable{byte[]}, ReadOnlySpan{byte})"/> over 0x hex values.</summary>
    public static bool Verify(string leaf, IEnumerable<string> proof, string root) =>
        Hex.TryParse(leaf, out var l) && Hex.TryParse(root, out var r) && proof.All(p => Hex.TryParse(p, out _))
        && Verify(l, proof.Select(p => Hex.Parse(p)), r);

    /// <summary>The root a leaf and a path lead to (OpenZeppelin <c>MerkleProof.processProof</c>).</summary>
    public static byte[] ProcessProof(ReadOnlySpan<byte> leaf, IEnumerable<byte[]> proof)
    {
        var computed = leaf.ToArray();
        foreach (var sibling in proof) computed = HashPair(computed, sibling);
        return computed;
    }

    /// <summary>An inner node: keccak256 of the two children in ascending byte order.</summary>
    public static byte[] HashPair(byte[] a, byte[] b) => Node(a, b);
}
