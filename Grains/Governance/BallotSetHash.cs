using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// A Merkle root over a proposal's final ballots, so a published result can be checked ballot by ballot.
/// Leaf of a For/Against/Abstain ballot whose weight is its power = keccak256(voter[20] ‖ support[1] ‖ weight[32] ‖
/// digest[32]); leaf of any other ballot (choices, or weight = √power) = keccak256(voter[20] ‖ support[1] ‖ weight[32] ‖
/// digest[32] ‖ power[32] ‖ keccak256(choices) ‖ keccak256(weights)), each array hashed as 32-byte words as EIP-712 does,
/// followed for a delegator override by delegate[20] ‖ overrideBalance[32].
/// Numbers are big-endian. Leaves are sorted by voter; an inner node = keccak256 of its two children in ascending byte
/// order (OpenZeppelin MerkleProof's convention); an odd node is carried up unpaired.
/// </summary>
public static partial class BallotSetHash
{
    public static string Compute(IEnumerable<Ballot> ballots)
    {
        var level = ballots.OrderBy(b => b.Voter, StringComparer.Ordinal).Select(Leaf).ToList();
        if (level.Count == 0) return EmptyRoot;
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
        var overriding = b.OverrideOf is not null;
        var extended = b.HasChoices || !b.Power.IsZero || overriding;
        var buffer = new byte[extended ? 85 + 96 + (overriding ? 52 : 0) : 85];
        Hex.Parse(b.Voter).CopyTo(buffer, 0);
        buffer[20] = (byte)b.Support;
        Word(b.Weight, buffer.AsSpan(21, 32));
        if (b.Digest.Length == 66) Hex.Parse(b.Digest).CopyTo(buffer, 53);
        if (extended)
        {
            Word(b.Power, buffer.AsSpan(85, 32));
            StructHashBuilder.UintArrayHash([.. b.Choices.Select(c => (ulong)c)]).CopyTo(buffer, 117);
            StructHashBuilder.UintArrayHash(b.Weights.IsDefault ? [] : b.Weights).CopyTo(buffer, 149);
        }
        if (overriding)
        {
            Hex.Parse(b.OverrideOf!).CopyTo(buffer, 181);
            Word(b.OverrideBalance, buffer.AsSpan(201, 32));
        }
        return Keccak256.Hash(buffer);
    }

    private static void Word(BigInteger value, Span<byte> word)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(word[(32 - bytes.Length)..]);
    }

    private static byte[] Node(byte[] a, byte[] b)
    {
        var (first, second) = a.AsSpan().SequenceCompareTo(b) <= 0 ? (a, b) : (b, a);
        return Keccak256.Hash([.. first, .. second]);
    }
}
