using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// A Merkle root over a proposal's final ballots, so a published result can be checked ballot by ballot.
/// Leaf = keccak256(voter[20] ‖ support[1] ‖ weight[32, big-endian] ‖ digest[32]), leaves sorted by voter;
/// inner node = keccak256 of its two children in ascending byte order (OpenZeppelin MerkleProof's convention).
/// </summary>
public static class BallotSetHash
{
    public static string Compute(IEnumerable<Ballot> ballots)
    {
        var level = ballots.OrderBy(b => b.Voter, StringComparer.Ordinal).Select(Leaf).ToList();
        if (level.Count == 0) return Hex.ToHex(Keccak256.Hash(ReadOnlySpan<byte>.Empty));
        while (level.Count > 1)
        {
            var next = new List<byte[]>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                next.Add(i + 1 < level.Count ? Node(level[i], level[i + 1]) : level[i]);
            }
            level = next;
        }
        return Hex.ToHex(level[0]);
    }

    /// <summary>A sharded proposal's hash: keccak256 of its shards' roots (32 bytes each) in shard order.</summary>
    public static string Combine(IEnumerable<string> shardRoots) =>
        Hex.ToHex(Keccak256.Hash(shardRoots.SelectMany(root => Hex.Parse(root)).ToArray()));

    public static byte[] Leaf(Ballot b)
    {
        var buffer = new byte[20 + 1 + 32 + 32];
        Hex.Parse(b.Voter).CopyTo(buffer, 0);
        buffer[20] = (byte)b.Support;
        var weight = b.Weight.ToByteArray(isUnsigned: true, isBigEndian: true);
        weight.CopyTo(buffer, 21 + 32 - weight.Length);
        if (b.Digest.Length == 66) Hex.Parse(b.Digest).CopyTo(buffer, 53);
        return Keccak256.Hash(buffer);
    }

    private static byte[] Node(byte[] a, byte[] b)
    {
        var (first, second) = a.AsSpan().SequenceCompareTo(b) <= 0 ? (a, b) : (b, a);
        return Keccak256.Hash([.. first, .. second]);
    }
}
