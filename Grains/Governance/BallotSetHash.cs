using System.Collections.Immutable;
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
    public static string Compute(IEnumerable<Ballot> ballots) => Compute(ballots, b => b.Voter, Leaf);

    /// <summary>The root over any form of a set's ballots, given each one's voter and leaf.</summary>
    public static string Compute<T>(IEnumerable<T> ballots, Func<T, string> voterOf, Func<T, byte[]> leafOf)
    {
        var level = ballots.OrderBy(voterOf, StringComparer.Ordinal).Select(leafOf).ToList();
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

    public static byte[] Leaf(Ballot b) => Leaf(new LeafFields(
        Hex.Parse(b.Voter), b.Support, b.Weight, DigestBytes(b.Digest), b.Power, b.Choices, b.Weights, b.OverrideOf, b.OverrideBalance));

    /// <summary>A digest's 32 bytes as a leaf takes them; a digest of any other length leaves the leaf's digest zero.</summary>
    internal static byte[] DigestBytes(string digest) => digest.Length == 66 ? Hex.Parse(digest) : [];

    /// <summary>What a leaf is made of: the voter's and the digest's bytes (no digest: zeros), the rest as the ballot has it.</summary>
    public readonly ref struct LeafFields(
        ReadOnlySpan<byte> voter, Support support, BigInteger weight, ReadOnlySpan<byte> digest, BigInteger power,
        ImmutableArray<ushort> choices, ImmutableArray<ulong> weights, string? overrideOf, BigInteger overrideBalance)
    {
        public ReadOnlySpan<byte> Voter { get; } = voter;
        public Support Support { get; } = support;
        public BigInteger Weight { get; } = weight;
        public ReadOnlySpan<byte> Digest { get; } = digest;
        public BigInteger Power { get; } = power;
        public ImmutableArray<ushort> Choices { get; } = choices;
        public ImmutableArray<ulong> Weights { get; } = weights;
        public string? OverrideOf { get; } = overrideOf;
        public BigInteger OverrideBalance { get; } = overrideBalance;
    }

    public static byte[] Leaf(LeafFields b)
    {
        var overriding = b.OverrideOf is not null;
        var extended = !b.Choices.IsDefaultOrEmpty || !b.Power.IsZero || overriding;
        var buffer = new byte[extended ? 85 + 96 + (overriding ? 52 : 0) : 85];
        b.Voter.CopyTo(buffer);
        buffer[20] = (byte)b.Support;
        Word(b.Weight, buffer.AsSpan(21, 32));
        b.Digest.CopyTo(buffer.AsSpan(53));
        if (extended)
        {
            Word(b.Power, buffer.AsSpan(85, 32));
            StructHashBuilder.UintArrayHash([.. (b.Choices.IsDefault ? [] : b.Choices).Select(c => (ulong)c)]).CopyTo(buffer, 117);
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
