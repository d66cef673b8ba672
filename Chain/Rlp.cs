using System.Numerics;

namespace Blocktrack.Chain;

/// <summary>Recursive Length Prefix encoding, as Ethereum serialises transactions.</summary>
public static class Rlp
{
    /// <summary>Encodes a byte string; a single byte below 0x80 is its own encoding.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> item)
    {
        if (item.Length == 1 && item[0] < 0x80)
            return [item[0]];
        return WithPrefix(0x80, item);
    }

    /// <summary>Encodes a non-negative integer as its minimal big-endian bytes (zero is the empty string).</summary>
    public static byte[] EncodeUInt(BigInteger value)
    {
        if (value.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(value), value, "RLP integers cannot be negative.");
        return EncodeBytes(value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true));
    }

    /// <summary>Wraps already-encoded items into a list.</summary>
    public static byte[] EncodeList(params IEnumerable<byte[]> encodedItems)
    {
        var payload = encodedItems.SelectMany(item => item).ToArray();
        return WithPrefix(0xc0, payload);
    }

    private static byte[] WithPrefix(byte offset, ReadOnlySpan<byte> payload)
    {
        if (payload.Length <= 55)
            return [(byte)(offset + payload.Length), .. payload];
        var length = new BigInteger(payload.Length).ToByteArray(isUnsigned: true, isBigEndian: true);
        // Long form: 0xb7/0xf7 plus the length-of-length, then the big-endian length.
        return [(byte)(offset + 55 + length.Length), .. length, .. payload];
    }
}
