using System.Security.Cryptography;
using System.Text;

namespace Blocktrack.Benchmarks;

/// <summary>
/// Voters for the direct-to-grain scenarios, which need addresses but no keys (the Gateway verifies signatures, shards
/// do not): address i is the first 20 bytes of SHA-256(i), so they spread evenly over ballot shards like real ones.
/// </summary>
public static class SyntheticVoters
{
    /// <summary>A well-formed 65-byte signature; shards store it, only the Gateway checks it.</summary>
    public static readonly string Signature = "0x" + new string('1', 128) + "1b";

    public static string Address(int i) => "0x" + Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i)).AsSpan(0, 20));

    /// <summary>A distinct 32-byte digest per (proposal, voter), as a signed ballot's EIP-712 digest would be.</summary>
    public static string Digest(string proposal, int voter) =>
        "0x" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{proposal}|{voter}")));
}
