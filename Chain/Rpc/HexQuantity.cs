using System.Globalization;
using System.Numerics;

namespace Blocktrack.Chain.Rpc;

/// <summary>JSON-RPC quantities: minimal <c>0x</c> hex without leading zeros, <c>0x0</c> for zero.</summary>
public static class HexQuantity
{
    public static string From(BigInteger value)
    {
        if (value.Sign < 0)
            throw new ArgumentOutOfRangeException(nameof(value), value, "Quantities cannot be negative.");
        return value.IsZero ? "0x0" : "0x" + value.ToString("x").TrimStart('0');
    }

    public static string From(long value) => From((BigInteger)value);

    /// <summary>Parses a quantity; leading zeros are tolerated because some nodes send them.</summary>
    public static BigInteger Parse(string? hex)
    {
        if (hex is null || !hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || hex.Length < 3 || !hex.AsSpan(2).ContainsOnlyHexDigits())
            throw new FormatException($"'{Hex.Truncate(hex ?? "null")}' is not a hex quantity.");
        return BigInteger.Parse("0" + hex[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    public static long ParseLong(string? hex)
    {
        var value = Parse(hex);
        return value <= long.MaxValue ? (long)value : throw new OverflowException($"Quantity {hex} does not fit in a long.");
    }
}
