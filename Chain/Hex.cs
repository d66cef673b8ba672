namespace Blocktrack.Chain;

/// <summary>Strict conversion between bytes and Ethereum's <c>0x</c>-prefixed hexadecimal text.</summary>
public static class Hex
{
    /// <summary>
    /// Parses <c>0x</c>-prefixed hex (digits in either case) with an even number of digits; <c>"0x"</c> is the empty array.
    /// </summary>
    public static byte[] Parse(string hex)
    {
        if (!TryParse(hex, out var bytes, out var error))
            throw new FormatException(error);
        return bytes;
    }

    public static bool TryParse(string? hex, out byte[] bytes) => TryParse(hex, out bytes, out _);

    /// <summary>Parses hex that must decode to exactly <paramref name="length"/> bytes.</summary>
    public static byte[] Parse(string hex, int length)
    {
        var bytes = Parse(hex);
        if (bytes.Length != length)
            throw new FormatException($"Expected {length} bytes of hex but got {bytes.Length}: '{Truncate(hex)}'.");
        return bytes;
    }

    /// <summary>Lower-case <c>0x</c>-prefixed hex.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes) => string.Create(2 + 2 * bytes.Length, bytes, static (chars, b) =>
    {
        chars[0] = '0';
        chars[1] = 'x';
        Convert.TryToHexStringLower(b, chars[2..], out _);
    });

    /// <summary>Whether <paramref name="hex"/> is <c>0x</c> and exactly <paramref name="length"/> bytes of hex; allocates nothing.</summary>
    public static bool IsHex(string? hex, int length)
    {
        if (hex is null || hex.Length != 2 + 2 * length || !hex.StartsWith("0x", StringComparison.Ordinal)) return false;
        foreach (var c in hex.AsSpan(2))
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }

    private static bool TryParse(string? hex, out byte[] bytes, out string error)
    {
        bytes = [];
        if (hex is null)
        {
            error = "Hex string is null.";
            return false;
        }
        if (!hex.StartsWith("0x", StringComparison.Ordinal))
        {
            error = $"Hex string must start with '0x': '{Truncate(hex)}'.";
            return false;
        }
        var digits = hex.AsSpan(2);
        if (digits.Length % 2 != 0)
        {
            error = $"Hex string has an odd number of digits ({digits.Length}): '{Truncate(hex)}'.";
            return false;
        }
        for (var i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiHexDigit(digits[i]))
            {
                error = $"Hex string has a non-hex character '{digits[i]}' at position {i + 2}: '{Truncate(hex)}'.";
                return false;
            }
        }
        bytes = Convert.FromHexString(digits);
        error = "";
        return true;
    }

    // Error messages echo the input; cap it so a hostile megabyte string does not end up in logs.
    internal static string Truncate(string s) => s.Length <= 80 ? s : s[..77] + "...";
}
