using System.Numerics;

namespace Blocktrack.Chain;

/// <summary>
/// Computes <c>hashStruct</c> from typed values without JSON, for hot paths. Values are appended in declaration order;
/// each call checks it matches the next field's declared type, so a builder cannot silently hash the wrong layout.
/// </summary>
public sealed class StructHashBuilder
{
    private readonly string typeName;
    private readonly IReadOnlyList<TypedDataField> fields;
    private readonly Eip712FieldType[] fieldTypes;
    private readonly byte[] encoded;
    private int next;

    public StructHashBuilder(TypedDataTypes types, string typeName)
    {
        ArgumentNullException.ThrowIfNull(types);
        this.typeName = typeName;
        fields = types.Fields(typeName);
        fieldTypes = types.ParsedFields(typeName);
        encoded = new byte[Eip712Encoding.WordSize * (fields.Count + 1)];
        types.TypeHashSpan(typeName).CopyTo(encoded);
    }

    public StructHashBuilder Address(string address)
    {
        var i = Next(Eip712FieldKind.Address);
        Eip712Encoding.WriteAddress(address, WordAt(i), PathAt(i));
        return this;
    }

    public StructHashBuilder Address(ReadOnlySpan<byte> address)
    {
        var i = Next(Eip712FieldKind.Address);
        Eip712Encoding.WriteAddress(address, WordAt(i), PathAt(i));
        return this;
    }

    public StructHashBuilder Bool(bool value)
    {
        Eip712Encoding.WriteBool(value, WordAt(Next(Eip712FieldKind.Bool)));
        return this;
    }

    /// <summary>Any uintN field; the value is range-checked against N.</summary>
    public StructHashBuilder Uint(BigInteger value)
    {
        var i = Next(Eip712FieldKind.Uint);
        Eip712Encoding.WriteUint(value, fieldTypes[i].Size, WordAt(i), PathAt(i));
        return this;
    }

    /// <summary>Any intN field; the value is range-checked against N.</summary>
    public StructHashBuilder Int(BigInteger value)
    {
        var i = Next(Eip712FieldKind.Int);
        Eip712Encoding.WriteInt(value, fieldTypes[i].Size, WordAt(i), PathAt(i));
        return this;
    }

    /// <summary>A bytesN field; the value must be exactly N bytes.</summary>
    public StructHashBuilder FixedBytes(ReadOnlySpan<byte> value)
    {
        var i = Next(Eip712FieldKind.FixedBytes);
        Eip712Encoding.WriteFixedBytes(value, fieldTypes[i].Size, WordAt(i), PathAt(i));
        return this;
    }

    public StructHashBuilder String(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Eip712Encoding.WriteStringHash(value, WordAt(Next(Eip712FieldKind.String)));
        return this;
    }

    public StructHashBuilder Bytes(ReadOnlySpan<byte> value)
    {
        Eip712Encoding.WriteBytesHash(value, WordAt(Next(Eip712FieldKind.Bytes)));
        return this;
    }

    /// <summary>A nested struct field, given that struct's own <c>hashStruct</c>.</summary>
    public StructHashBuilder Struct(ReadOnlySpan<byte> structHash) => Word(Eip712FieldKind.Struct, structHash);

    /// <summary>An array field, given keccak256 of its elements' encodings concatenated.</summary>
    public StructHashBuilder Array(ReadOnlySpan<byte> arrayHash) => Word(Eip712FieldKind.Array, arrayHash);

    /// <summary>A <c>uintN[]</c> field: each element is range-checked against N and encoded as one word.</summary>
    public StructHashBuilder UintArray(IReadOnlyList<ulong> values)
    {
        var i = Next(Eip712FieldKind.Array);
        var element = fieldTypes[i].Text[..fieldTypes[i].Text.IndexOf('[')];
        if (!element.StartsWith("uint", StringComparison.Ordinal))
            throw new TypedDataException($"{PathAt(i)}: declared as '{fieldTypes[i].Text}', but uint values were given.");
        var bits = element.Length == 4 ? 256 : int.Parse(element.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);
        UintArrayHash(values, bits, PathAt(i)).CopyTo(WordAt(i));
        return this;
    }

    /// <summary>keccak256 of the elements as 32-byte big-endian words: how EIP-712 (and ABI-packed arrays) hash a uint array.</summary>
    public static byte[] UintArrayHash(IReadOnlyList<ulong> values, int bits = 256, string path = "array")
    {
        var words = new byte[Eip712Encoding.WordSize * values.Count];
        for (var k = 0; k < values.Count; k++)
            Eip712Encoding.WriteUint(values[k], bits, words.AsSpan(Eip712Encoding.WordSize * k, Eip712Encoding.WordSize), $"{path}[{k}]");
        return Keccak256.Hash(words);
    }

    /// <summary>The struct hash; every declared field must have been appended.</summary>
    public byte[] ToHash()
    {
        if (next != fields.Count)
            throw new TypedDataException($"{typeName}: only {next} of {fields.Count} fields were given; next is '{fields[next].Name}'.");
        return Keccak256.Hash(encoded);
    }

    private StructHashBuilder Word(Eip712FieldKind kind, ReadOnlySpan<byte> hash)
    {
        var i = Next(kind);
        if (hash.Length != Keccak256.Size)
            throw new TypedDataException($"{PathAt(i)}: expected a 32-byte hash, got {hash.Length} bytes.");
        hash.CopyTo(WordAt(i));
        return this;
    }

    /// <summary>Claims the next field after checking its declared kind; returns its index.</summary>
    private int Next(Eip712FieldKind kind)
    {
        if (next >= fields.Count)
            throw new TypedDataException($"{typeName}: all {fields.Count} fields were already given.");
        var type = fieldTypes[next];
        if (type.Kind != kind)
            throw new TypedDataException($"{PathAt(next)}: declared as '{type.Text}', but a {kind} value was given.");
        return next++;
    }

    // Word 0 is the type hash, so field i lives in word i + 1.
    private Span<byte> WordAt(int field) => encoded.AsSpan(Eip712Encoding.WordSize * (field + 1), Eip712Encoding.WordSize);

    private string PathAt(int field) => $"{typeName}.{fields[field].Name}";
}
