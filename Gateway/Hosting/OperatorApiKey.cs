using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Blocktrack.Gateway;

/// <summary>The operator key in force: configured, or generated once at startup when none is configured.</summary>
public sealed class OperatorApiKey
{
    private readonly byte[] expected;

    public OperatorApiKey(string? configured)
    {
        Generated = string.IsNullOrWhiteSpace(configured);
        // 32 random bytes, URL-safe base64: as hard to guess as a private key, and easy to paste into a header.
        Value = Generated ? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)) : configured!.Trim();
        expected = Encoding.UTF8.GetBytes(Value);
    }

    public const string HeaderName = "X-Api-Key";

    public string Value { get; }

    /// <summary>True when no key was configured, so the operator must be told the generated one.</summary>
    public bool Generated { get; }

    /// <summary>Constant-time comparison, so response timing reveals nothing about the key.</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected);
}
