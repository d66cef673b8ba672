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
    public static string Compute(IEnumerable<Ballot> ballots) => Compute(ballots, b => b.Voter, b => Leaf(b));

    /// <summary>
    /// The root over any form of a set's ballots, given each one's voter and leaf. The leaves are sorted with their voters
    /// as keys and the levels are hashed in place in one buffer of 32 bytes a ballot, so a level makes no arrays. A voter
    /// with two ballots (a set no shard holds) gets both leaves, in the order the sort leaves them.
    /// </summary>
    public static string Compute<T>(IEnumerable<T> ballots, Func<T, string> voterOf, Func<T, ReadOnlySpan<byte>> leafOf)
    {
        var items = ballots.ToArray();
        if (items.Length == 0) return EmptyRoot;
        var voters = Array.ConvertAll(items, v => voterOf(v));
        Array.Sort(voters, items, StringComparer.Ordinal);
        const int size = Keccak256.Size;
        var nodes = new byte[items.Length * size];
        for (var i = 0; i < items.Length; i++) leafOf(items[i]).CopyTo(nodes.AsSpan(i * size, size));
        Span<byte> pair = stackalloc byte[2 * size];
        for (var count = items.Length; count > 1; count = (count + 1) / 2)
        {
            // The node made from slots i and i + 1 goes to slot i / 2, already read: nothing is overwritten unread.
            for (var i = 0; i < count; i += 2)
            {
                var target = nodes.AsSpan(i / 2 * size, size);
                if (i + 1 == count)
                {
                    nodes.AsSpan(i * size, size).CopyTo(target);
                    continue;
                }
                SortedPair(nodes.AsSpan(i * size, size), nodes.AsSpan((i + 1) * size, size), pair);
                Keccak256.Hash(pair, target);
            }
        }
        return Hex.ToHex(nodes.AsSpan(0, size));
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
        var leaf = new byte[Keccak256.Size];
        Leaf(b, leaf);
        return leaf;
    }

    /// <summary>Writes the leaf of <paramref name="b"/> into <paramref name="destination"/> (32 bytes).</summary>
    public static void Leaf(LeafFields b, Span<byte> destination)
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
        Keccak256.Hash(buffer, destination);
    }

    private static void Word(BigInteger value, Span<byte> word)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(word[(32 - bytes.Length)..]);
    }

    private static byte[] Node(byte[] a, byte[] b)
    {
        // A proof's sibling comes from outside and may have any length: only two digests fit on the stack.
        var length = a.Length + b.Length;
        var pair = length <= 2 * Keccak256.Size ? stackalloc byte[2 * Keccak256.Size] : new byte[length];
        SortedPair(a, b, pair[..length]);
        return Keccak256.Hash(pair[..length]);
    }

    /// <summary>Two nodes one after the other in ascending byte order, as an inner node hashes them.</summary>
    private static void SortedPair(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> pair)
    {
        var ascending = a.SequenceCompareTo(b) <= 0;
        var first = ascending ? a : b;
        first.CopyTo(pair);
        (ascending ? b : a).CopyTo(pair[first.Length..]);
    }
}
