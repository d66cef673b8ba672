using System.Globalization;
using System.Numerics;
using System.Text;

namespace Blocktrack.Chain;

/// <summary>
/// The 32-byte word encodings of EIP-712 <c>encodeData</c>, shared by the JSON hasher and <see
/// cref="StructHashBuilder"/>.
/// </summary>
internal static class Eip712Encoding
{
    public const int WordSize = 32;

    public static void WriteUint(BigInteger value, int bits, Span<byte> word, string path)
    {
        if (value.Sign < 0 || value.GetBitLength() > bits)
            throw new TypedDataException($"{path}: {value} is out of range for uint{bits}.");
        word.Clear();
        value.TryWriteBytes(word[(WordSize - value.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
    }

    public static void WriteInt(BigInteger value, int bits, Span<byte> word, string path)
    {
        var limit = BigInteger.One << (bits - 1);
        if (value < -limit || value >= limit)
            throw new TypedDataException($"{path}: {value} is out of range for int{bits}.");
        // Two's complement over the full 256-bit word, as the ABI sign-extends every intN.
        WriteUint(value.Sign < 0 ? (BigInteger.One << 256) + value : value, 256, word, path);
    }

    public static void WriteBool(bool value, Span<byte> word)
    {
        word.Clear();
        word[^1] = value ? (byte)1 : (byte)0;
    }

    public static void WriteAddress(ReadOnlySpan<byte> address, Span<byte> word, string path)
    {
        if (address.Length != EthAddress.Size)
            throw new TypedDataException($"{path}: an address is {EthAddress.Size} bytes, got {address.Length}.");
        word.Clear();
        address.CopyTo(word[12..]);
    }

    public static void WriteAddress(string address, Span<byte> word, string path)
    {
        try
        {
            WriteAddress(EthAddress.Parse(address), word, path);
        }
        catch (FormatException e)
        {
            throw new TypedDataException($"{path}: {e.Message}", e);
        }
    }

    public static void WriteFixedBytes(ReadOnlySpan<byte> value, int size, Span<byte> word, string path)
    {
        if (value.Length != size)
            throw new TypedDataException($"{path}: bytes{size} needs exactly {size} bytes, got {value.Length}.");
        word.Clear();
        value.CopyTo(word);
    }

    public static void WriteStringHash(string value, Span<byte> word) => Keccak256.Hash(Encoding.UTF8.GetBytes(value), word);

    public static void WriteBytesHash(ReadOnlySpan<byte> value, Span<byte> word) => Keccak256.Hash(value, word);

    public static byte[] ParseHex(string hex, string path)
    {
        try
        {
            return Hex.Parse(hex);
        }
        catch (FormatException e)
        {
            throw new TypedDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses a decimal or 0x-hex integer string, optionally negative; no whitespace, no exponent.</summary>
    public static BigInteger ParseIntegerText(string text, string path)
    {
        if (text.Length > 400)
            throw new TypedDataException($"{path}: integer string is too long ({text.Length} characters).");
        var negative = text.StartsWith('-');
        var body = negative ? text.AsSpan(1) : text.AsSpan();
        BigInteger magnitude;
        if (body.StartsWith("0x", StringComparison.Ordinal))
        {
            var digits = body[2..];
            if (digits.IsEmpty || !digits.ContainsOnlyHexDigits())
                throw BadInteger(text, path);
            // The leading zero keeps HexNumber from reading a high first digit as a sign bit.
            magnitude = BigInteger.Parse("0" + digits.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        else
        {
            if (body.IsEmpty || !body.ContainsOnlyDigits())
                throw BadInteger(text, path);
            magnitude = BigInteger.Parse(body, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        return negative ? -magnitude : magnitude;
    }

    /// <summary>Parses a JSON number's text exactly, accepting fractions and exponents only when the value is integral.</summary>
    public static BigInteger ParseJsonNumber(string raw, string path)
    {
        // Bounds keep hostile input (a million digits, 1e999999999) from costing more than a uint256 ever needs.
        const int MaxScale = 200;
        if (raw.Length > 400)
            throw new TypedDataException($"{path}: number is too long ({raw.Length} characters).");
        var exponentAt = raw.IndexOfAny(['e', 'E']);
        var mantissa = exponentAt < 0 ? raw : raw[..exponentAt];
        var exponent = 0;
        if (exponentAt >= 0
            && !int.TryParse(raw.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            throw new TypedDataException($"{path}: number {Hex.Truncate(raw)} has an unusable exponent.");
        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa[..dot] + mantissa[(dot + 1)..];
        var scale = (long)exponent - (dot < 0 ? 0 : mantissa.Length - dot - 1);
        if (scale is > MaxScale or < -MaxScale)
            throw new TypedDataException($"{path}: number {Hex.Truncate(raw)} is out of range.");
        var value = BigInteger.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (scale >= 0)
            return value * BigInteger.Pow(10, (int)scale);
        var quotient = BigInteger.DivRem(value, BigInteger.Pow(10, (int)-scale), out var remainder);
        return remainder.IsZero ? quotient : throw new TypedDataException($"{path}: {Hex.Truncate(raw)} is not an integer.");
    }

    private static TypedDataException BadInteger(string text, string path) =>
        new($"{path}: '{Hex.Truncate(text)}' is not an integer (expected a JSON number, a decimal string or a 0x-hex string).");

    private static bool ContainsOnlyHexDigits(this ReadOnlySpan<char> s) => !s.ContainsAnyExcept("0123456789abcdefABCDEF");

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> s) => !s.ContainsAnyExcept("0123456789");
}
