using System.Numerics;
using System.Text.Json;

namespace Blocktrack.Chain;

/// <summary>EIP-712 <c>encodeData</c>/<c>hashStruct</c> over JSON values, strict about missing, duplicate and unknown fields.</summary>
internal static class Eip712JsonEncoder
{
    public static void HashStruct(TypedDataTypes types, string typeName, JsonElement value, string path, Span<byte> destination)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new TypedDataException($"{path}: expected an object of type '{typeName}', got {Describe(value)}.");
        var definition = types.Fields(typeName);
        var fieldTypes = types.ParsedFields(typeName);
        var values = new JsonElement?[definition.Count];
        foreach (var property in value.EnumerateObject())
        {
            var index = IndexOf(definition, property.Name);
            // Unsigned extras would let a request carry data the signer never saw, so refuse them outright.
            if (index < 0)
                throw new TypedDataException($"{path}: unexpected field '{property.Name}', which type '{typeName}' does not declare.");
            if (values[index] is not null)
                throw new TypedDataException($"{path}: field '{property.Name}' appears more than once.");
            values[index] = property.Value;
        }

        var encoded = new byte[Eip712Encoding.WordSize * (definition.Count + 1)];
        types.TypeHashSpan(typeName).CopyTo(encoded);
        for (var i = 0; i < definition.Count; i++)
        {
            var fieldPath = $"{path}.{definition[i].Name}";
            var fieldValue = values[i] ?? throw new TypedDataException($"{fieldPath}: missing field of type '{definition[i].Type}'.");
            Encode(types, fieldTypes[i], fieldValue, fieldPath, encoded.AsSpan(Eip712Encoding.WordSize * (i + 1), Eip712Encoding.WordSize));
        }
        Keccak256.Hash(encoded, destination);
    }

    private static void Encode(TypedDataTypes types, Eip712FieldType type, JsonElement value, string path, Span<byte> word)
    {
        switch (type.Kind)
        {
            case Eip712FieldKind.Struct:
                HashStruct(types, type.StructName!, value, path, word);
                break;
            case Eip712FieldKind.Array:
                EncodeArray(types, type, value, path, word);
                break;
            case Eip712FieldKind.String:
                Eip712Encoding.WriteStringHash(RequireString(value, type, path), word);
                break;
            case Eip712FieldKind.Bytes:
                Eip712Encoding.WriteBytesHash(Eip712Encoding.ParseHex(RequireString(value, type, path), path), word);
                break;
            case Eip712FieldKind.FixedBytes:
                Eip712Encoding.WriteFixedBytes(Eip712Encoding.ParseHex(RequireString(value, type, path), path), type.Size, word, path);
                break;
            case Eip712FieldKind.Address:
                Eip712Encoding.WriteAddress(RequireString(value, type, path), word, path);
                break;
            case Eip712FieldKind.Bool:
                Eip712Encoding.WriteBool(value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Mismatch(value, type, path),
                }, word);
                break;
            case Eip712FieldKind.Uint:
                Eip712Encoding.WriteUint(ParseInteger(value, type, path), type.Size, word, path);
                break;
            case Eip712FieldKind.Int:
                Eip712Encoding.WriteInt(ParseInteger(value, type, path), type.Size, word, path);
                break;
            default:
                throw new InvalidOperationException($"Unhandled EIP-712 kind {type.Kind}.");
        }
    }

    private static void EncodeArray(TypedDataTypes types, Eip712FieldType type, JsonElement value, string path, Span<byte> word)
    {
        if (value.ValueKind != JsonValueKind.Array)
            throw Mismatch(value, type, path);
        var count = value.GetArrayLength();
        if (type.Length is { } length && count != length)
            throw new TypedDataException($"{path}: '{type.Text}' needs exactly {length} elements, got {count}.");
        // v4: an array encodes as the hash of its elements' encodings laid end to end.
        var encoded = new byte[Eip712Encoding.WordSize * count];
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var slot = encoded.AsSpan(Eip712Encoding.WordSize * index, Eip712Encoding.WordSize);
            Encode(types, type.Element!, element, $"{path}[{index}]", slot);
            index++;
        }
        Keccak256.Hash(encoded, word);
    }

    private static BigInteger ParseInteger(JsonElement value, Eip712FieldType type, string path) => value.ValueKind switch
    {
        JsonValueKind.Number => Eip712Encoding.ParseJsonNumber(value.GetRawText(), path),
        JsonValueKind.String => Eip712Encoding.ParseIntegerText(value.GetString()!, path),
        _ => throw Mismatch(value, type, path),
    };

    private static string RequireString(JsonElement value, Eip712FieldType type, string path) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Mismatch(value, type, path);

    private static TypedDataException Mismatch(JsonElement value, Eip712FieldType type, string path) =>
        new($"{path}: {Describe(value)} is not a valid '{type.Text}' value.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    private static int IndexOf(IReadOnlyList<TypedDataField> fields, string name)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i].Name, name, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }
}
