using System.Globalization;

namespace Blocktrack.Chain;

/// <summary>A field type parsed once from its EIP-712 name, so hashing never re-parses type strings.</summary>
internal sealed class Eip712FieldType
{
    private Eip712FieldType(string text, Eip712FieldKind kind)
    {
        Text = text;
        Kind = kind;
    }

    public string Text { get; }

    public Eip712FieldKind Kind { get; }

    /// <summary>Bit width of uintN/intN, byte width of bytesN.</summary>
    public int Size { get; private init; }

    /// <summary>Element type of an array.</summary>
    public Eip712FieldType? Element { get; private init; }

    /// <summary>Length of a fixed-size array T[n]; null for T[].</summary>
    public int? Length { get; private init; }

    /// <summary>The struct name for structs, and the innermost element's struct name for arrays of structs.</summary>
    public string? StructName { get; private init; }

    public static Eip712FieldType Parse(string text, Func<string, bool> isStruct, string context)
    {
        if (text.EndsWith(']'))
        {
            var open = text.LastIndexOf('[');
            var lengthText = open < 0 ? null : text[(open + 1)..^1];
            if (open <= 0 || lengthText is null || (lengthText.Length > 0 && !IsCanonicalNumber(lengthText)))
                throw new TypedDataException($"Malformed array type '{text}' in {context}.");
            var element = Parse(text[..open], isStruct, context);
            int? length = lengthText.Length == 0 ? null : ParseLength(lengthText, text, context);
            return new Eip712FieldType(text, Eip712FieldKind.Array) { Element = element, Length = length, StructName = element.StructName };
        }
        return TryParseAtomic(text) ?? (isStruct(text)
            ? new Eip712FieldType(text, Eip712FieldKind.Struct) { StructName = text }
            : throw new TypedDataException($"Unknown type '{text}' in {context}."));
    }

    /// <summary>The atomic or dynamic type named by <paramref name="text"/>, or null if it names none.</summary>
    public static Eip712FieldType? TryParseAtomic(string text)
    {
        switch (text)
        {
            case "address": return new(text, Eip712FieldKind.Address);
            case "bool": return new(text, Eip712FieldKind.Bool);
            case "string": return new(text, Eip712FieldKind.String);
            case "bytes": return new(text, Eip712FieldKind.Bytes);
        }
        if (TrySuffix(text, "bytes", out var bytes) && bytes is >= 1 and <= 32)
            return new(text, Eip712FieldKind.FixedBytes) { Size = bytes };
        if (TrySuffix(text, "uint", out var ubits) && ubits is >= 8 and <= 256 && ubits % 8 == 0)
            return new(text, Eip712FieldKind.Uint) { Size = ubits };
        if (TrySuffix(text, "int", out var ibits) && ibits is >= 8 and <= 256 && ibits % 8 == 0)
            return new(text, Eip712FieldKind.Int) { Size = ibits };
        return null;
    }

    private static bool TrySuffix(string text, string prefix, out int number)
    {
        number = 0;
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
            return false;
        var digits = text[prefix.Length..];
        // Only canonical spellings: "uint08" or "uint" would hash to a different type string than Solidity's.
        return IsCanonicalNumber(digits) && digits.Length <= 3
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    private static int ParseLength(string digits, string text, string context) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > 0
            ? length
            : throw new TypedDataException($"Array length in '{text}' ({context}) must be between 1 and {int.MaxValue}.");

    private static bool IsCanonicalNumber(string digits) =>
        digits.Length > 0 && digits.All(char.IsAsciiDigit) && (digits.Length == 1 || digits[0] != '0');
}
