using System.Globalization;
using System.Numerics;

namespace Blocktrack.Chain.Abi;

/// <summary>Conversions from the .NET values callers pass to the ABI's integers and byte strings.</summary>
internal static class AbiValues
{
    public static BigInteger ToBigInteger(object value, string path) => value switch
    {
        BigInteger big => big,
        int i => i,
        long l => l,
        uint u => u,
        ulong ul => ul,
        short s => s,
        ushort us => us,
        byte b => b,
        sbyte sb => sb,
        Int128 i128 => (BigInteger)i128,
        UInt128 u128 => (BigInteger)u128,
        string text => ParseInteger(text, path),
        _ => throw new AbiException($"value {path}: {value.GetType().Name} '{Describe(value)}' is not an integer."),
    };

    public static byte[] ToBytes(object value, string path) => value switch
    {
        byte[] bytes => bytes,
        ReadOnlyMemory<byte> memory => memory.ToArray(),
        string text when Hex.TryParse(text, out var parsed) => parsed,
        _ => throw new AbiException($"value {path}: '{Describe(value)}' is not bytes (byte[] or 0x hex)."),
    };

    public static string Describe(object value) => value is string s ? Hex.Truncate(s) : Hex.Truncate(value.ToString() ?? "");

    private static BigInteger ParseInteger(string text, string path)
    {
        var negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        BigInteger magnitude = default;
        bool ok;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && digits.Length > 2)
            ok = BigInteger.TryParse("0" + digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out magnitude);
        else
            ok = digits.Length > 0 && digits.All(char.IsAsciiDigit) && BigInteger.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out magnitude);
        if (!ok)
            throw new AbiException($"value {path}: '{Hex.Truncate(text)}' is not a decimal or 0x integer.");
        return negative ? -magnitude : magnitude;
    }
}
