using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// A <see cref="Ballot"/> as a shard holds it in memory for the rest of its proposal: the digest and the signature as bytes
/// instead of hex strings (129 bytes instead of about 440), turned back into a ballot equal to the one it was made from
/// whenever one is asked for. Its Merkle leaf is hashed once, when it is made (the receipt gives it back at once), and kept
/// (32 bytes): sealing a shard then hashes only the tree's inner nodes.
/// </summary>
public sealed class CompactBallot
{
    // Canonical lower-case 0x hex as bytes; anything else (an empty digest, mixed case) kept as the string it was.
    private readonly object _digest;
    private readonly object _signature;

    private CompactBallot(Ballot b)
    {
        Voter = b.Voter;
        Support = b.Support;
        Weight = b.Weight;
        Power = b.Power;
        OverrideOf = b.OverrideOf;
        OverrideBalance = b.OverrideBalance;
        Choices = b.Choices;
        Weights = b.Weights;
        Reason = b.Reason;
        Timestamp = b.Timestamp;
        RecordedAt = b.RecordedAt;
        _digest = Pack(b.Digest);
        _signature = Pack(b.Signature);
        BallotSetHash.Leaf(new BallotSetHash.LeafFields(
            Hex.Parse(Voter), Support, Weight, _digest as byte[] is { Length: 32 } bytes ? bytes : BallotSetHash.DigestBytes(Digest),
            Power, Choices, Weights, OverrideOf, OverrideBalance), _leaf);
    }

    private readonly Hash32 _leaf;

    public string Voter { get; }
    public Support Support { get; }
    public BigInteger Weight { get; }
    public BigInteger Power { get; }
    public string? OverrideOf { get; }
    public BigInteger OverrideBalance { get; }
    public ImmutableArray<ushort> Choices { get; }
    public ImmutableArray<ulong> Weights { get; }
    public string Reason { get; }
    public long Timestamp { get; }
    public DateTimeOffset RecordedAt { get; }

    /// <inheritdoc cref="Ballot.Digest"/>
    public string Digest => Unpack(_digest);

    /// <inheritdoc cref="Ballot.RawPower"/>
    public BigInteger RawPower => Power.IsZero ? Weight : Power;

    /// <summary>The voter's own power at the snapshot: what the ballot counts, less the balance a delegator override moved.</summary>
    public BigInteger OwnPower => RawPower - OverrideBalance;

    public static CompactBallot Of(Ballot ballot) => new(ballot);

    /// <summary>The ballot this was made from, field for field.</summary>
    public Ballot ToBallot() => new()
    {
        Voter = Voter,
        Support = Support,
        Weight = Weight,
        Power = Power,
        OverrideOf = OverrideOf,
        OverrideBalance = OverrideBalance,
        Choices = Choices,
        Weights = Weights,
        Reason = Reason,
        Timestamp = Timestamp,
        RecordedAt = RecordedAt,
        Digest = Unpack(_digest),
        Signature = Unpack(_signature),
    };

    /// <summary>The same leaf as <see cref="BallotSetHash.Leaf(Ballot)"/> of <see cref="ToBallot"/>, hashed when this was made.</summary>
    public ReadOnlySpan<byte> LeafHash => _leaf;

    /// <summary><see cref="LeafHash"/> as a new array.</summary>
    public byte[] Leaf() => LeafHash.ToArray();

    private static object Pack(string hex)
    {
        if (hex.Length < 2 || hex.Length % 2 != 0 || !hex.StartsWith("0x", StringComparison.Ordinal)) return hex;
        foreach (var c in hex.AsSpan(2))
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f')) return hex;
        }
        return Convert.FromHexString(hex.AsSpan(2));
    }

    private static string Unpack(object packed) => packed as string ?? Hex.ToHex((byte[])packed);
}

/// <summary>32 bytes held inline in the object that has them (a keccak256 digest), not as an array of their own.</summary>
[System.Runtime.CompilerServices.InlineArray(Keccak256.Size)]
internal struct Hash32
{
    private byte _first;
}
