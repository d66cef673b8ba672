using System.Text;

namespace Blocktrack.Chain;

/// <summary>20-byte Ethereum addresses: strict parsing, EIP-55 checksums and the canonical lower-case form used as keys.</summary>
public static class EthAddress
{
    public const int Size = 20;

    /// <summary>Accepts <c>0x</c> + 40 hex digits in all lower, all upper, or valid EIP-55 mixed case.</summary>
    public static byte[] Parse(string address)
    {
        if (!TryParse(address, out var bytes, out var error))
            throw new FormatException(error);
        return bytes;
    }

    public static bool TryParse(string? address, out byte[] bytes) => TryParse(address, out bytes, out _);

    public static bool IsValid(string? address) => TryParse(address, out _, out _);

    /// <summary>Validates like <see cref="Parse"/> and yields the canonical lower-case <c>0x</c> form.</summary>
    public static bool TryNormalize(string? input, out string lower0x)
    {
        if (TryParse(input, out var bytes, out _))
        {
            lower0x = ToLower(bytes);
            return true;
        }
        lower0x = "";
        return false;
    }

    /// <summary>Canonical lower-case <c>0x</c> form; throws <see cref="FormatException"/> on invalid input.</summary>
    public static string Normalize(string address) => ToLower(Parse(address));

    public static string ToLower(ReadOnlySpan<byte> address)
    {
        RequireSize(address);
        return Hex.ToHex(address);
    }

    /// <summary>EIP-55 mixed-case checksum form.</summary>
    public static string ToChecksum(ReadOnlySpan<byte> address)
    {
        RequireSize(address);
        var lower = Convert.ToHexStringLower(address);
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(lower));
        var chars = new char[2 + lower.Length];
        chars[0] = '0';
        chars[1] = 'x';
        for (var i = 0; i < lower.Length; i++)
            chars[2 + i] = ShouldBeUpper(hash, i) ? char.ToUpperInvariant(lower[i]) : lower[i];
        return new string(chars);
    }

    public static string ToChecksum(string address) => ToChecksum(Parse(address));

    /// <summary>Address of an uncompressed secp256k1 public key: 64 bytes X‖Y, or 65 bytes with the 0x04 prefix.</summary>
    public static byte[] FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length == 65 && publicKey[0] == 0x04)
            publicKey = publicKey[1..];
        if (publicKey.Length != 64)
            throw new ArgumentException(
                $"Public key must be 64 bytes (X||Y) or 65 bytes starting with 0x04, got {publicKey.Length}.", nameof(publicKey));
        Span<byte> hash = stackalloc byte[Keccak256.Size];
        Keccak256.Hash(publicKey, hash);
        return hash[12..].ToArray();
    }

    private static bool TryParse(string? address, out byte[] bytes, out string error)
    {
        bytes = [];
        if (address is null)
        {
            error = "Address is null.";
            return false;
        }
        if (address.Length != 42 || !address.StartsWith("0x", StringComparison.Ordinal))
        {
            error = $"Address must be '0x' followed by 40 hex digits: '{Hex.Truncate(address)}'.";
            return false;
        }
        bool hasLower = false, hasUpper = false;
        for (var i = 2; i < address.Length; i++)
        {
            var c = address[i];
            if (!char.IsAsciiHexDigit(c))
            {
                error = $"Address has a non-hex character '{c}' at position {i}: '{address}'.";
                return false;
            }
            hasLower |= c is >= 'a' and <= 'f';
            hasUpper |= c is >= 'A' and <= 'F';
        }
        bytes = Convert.FromHexString(address.AsSpan(2));
        // Mixed case claims to carry an EIP-55 checksum, so a mismatch means a typo, not a style choice.
        if (hasLower && hasUpper && !string.Equals(ToChecksum(bytes), address, StringComparison.Ordinal))
        {
            bytes = [];
            error = $"Address has an invalid EIP-55 checksum: '{address}'.";
            return false;
        }
        error = "";
        return true;
    }

    private static bool ShouldBeUpper(byte[] hash, int nibbleIndex)
    {
        var b = hash[nibbleIndex / 2];
        var nibble = nibbleIndex % 2 == 0 ? b >> 4 : b & 0x0f;
        return nibble >= 8;
    }

    private static void RequireSize(ReadOnlySpan<byte> address)
    {
        if (address.Length != Size)
            throw new ArgumentException($"Address must be {Size} bytes, got {address.Length}.", nameof(address));
    }
}
