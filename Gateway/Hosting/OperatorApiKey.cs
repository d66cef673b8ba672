using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// The operator keys in force: the named, scoped keys of <c>Gateway:OperatorKeys</c> (stored as SHA-256 hashes, read again
/// whenever configuration changes), and the single development key of <c>Gateway:OperatorApiKey</c> — configured, or
/// generated once at startup and printed when neither is configured — which holds every scope.
/// </summary>
public sealed class OperatorApiKey
{
    public const string HeaderName = "X-Api-Key";
    public const string DevelopmentKeyName = "operator";

    private readonly IOptionsMonitor<GatewayOptions> _options;
    private readonly byte[]? _development;

    public OperatorApiKey(IOptionsMonitor<GatewayOptions> options)
    {
        _options = options;
        var configured = options.CurrentValue.OperatorApiKey;
        var named = options.CurrentValue.OperatorKeys.Count > 0;
        Generated = string.IsNullOrWhiteSpace(configured) && !named;
        // 32 random bytes, URL-safe base64: as hard to guess as a private key, and easy to paste into a header.
        Value = Generated ? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)) : configured?.Trim() ?? "";
        _development = Value.Length > 0 ? SHA256.HashData(Encoding.UTF8.GetBytes(Value)) : null;
    }

    /// <summary>The development key (configured or generated); empty when only named keys are configured.</summary>
    public string Value { get; }

    /// <summary>True when no key was configured, so the operator must be told the generated one.</summary>
    public bool Generated { get; }

    /// <summary>
    /// The name and scopes of the key presented, or null when it is none of them. Hashes are compared in constant time,
    /// so response timing reveals nothing about a key.
    /// </summary>
    public (string Name, IReadOnlyCollection<string> Scopes)? Find(string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return null;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        if (_development is not null && CryptographicOperations.FixedTimeEquals(hash, _development))
            return (DevelopmentKeyName, [OperatorScopes.All]);
        foreach (var key in _options.CurrentValue.OperatorKeys)
        {
            if (Stored(key.Sha256) is { } stored && CryptographicOperations.FixedTimeEquals(hash, stored)) return (key.Name, key.Scopes);
        }
        return null;
    }

    /// <summary>The SHA-256 of a key as <c>Gateway:OperatorKeys:n:Sha256</c> stores it.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A stored hash as bytes; null when it is not 64 hex digits (a bad edit after startup opens nothing).</summary>
    private static byte[]? Stored(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) return null;
        return Convert.FromHexString(sha256);
    }
}
