using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace Blocktrack.Chain;

/// <summary>Ethereum's Keccak-256 (the original Keccak padding, not the standardised SHA3-256).</summary>
public static class Keccak256
{
    public const int Size = 32;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[Size];
        Hash(data, output);
        return output;
    }

    public static byte[] Hash(string utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return Hash(Encoding.UTF8.GetBytes(utf8));
    }

    /// <summary>Writes the digest into <paramref name="destination"/> (at least 32 bytes) without allocating a result array.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < Size)
            throw new ArgumentException($"Destination must hold {Size} bytes.", nameof(destination));
        // One digest per thread, reused: a new one per hash (about 490 bytes) was two thirds of what sealing a shard
        // allocated. DoFinal leaves it reset, and nothing here awaits, so no other hash can interleave on the thread.
        var digest = t_digest ??= new KeccakDigest(256);
        digest.BlockUpdate(data);
        digest.DoFinal(destination);
    }

    [ThreadStatic] private static KeccakDigest? t_digest;
}
