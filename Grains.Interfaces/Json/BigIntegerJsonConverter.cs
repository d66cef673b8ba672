using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Token amounts as decimal strings: JavaScript numbers lose precision above 2^53, strings do not.</summary>
public sealed class BigIntegerJsonConverter : JsonConverter<BigInteger>
{
    // A uint256 has 78 decimal digits; anything much longer is hostile, not an amount.
    private const int MaxLength = 100;

    public override BigInteger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            // Integer JSON numbers are tolerated too, and still parsed exactly, never through double.
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            _ => throw new JsonException($"Expected an integer as a decimal string, got {reader.TokenType}."),
        };
        if (text.Length > MaxLength)
            throw new JsonException($"Integer is too long ({text.Length} characters).");
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
            throw new JsonException($"'{text}' is not an integer in decimal notation.");
        return BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    public override void Write(Utf8JsonWriter writer, BigInteger value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}
