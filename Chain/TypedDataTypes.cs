using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Blocktrack.Chain;

/// <summary>
/// A validated set of EIP-712 struct definitions (the <c>types</c> member of eth_signTypedData_v4).
/// Immutable and thread-safe; build it once and reuse it so type hashes are computed only once.
/// </summary>
public sealed class TypedDataTypes
{
    public const string DomainTypeName = "EIP712Domain";

    private readonly Dictionary<string, IReadOnlyList<TypedDataField>> definitions;
    private readonly Dictionary<string, Eip712FieldType[]> parsed;
    private readonly ConcurrentDictionary<string, string> encodedTypes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> typeHashes = new(StringComparer.Ordinal);

    public TypedDataTypes(IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        definitions = new(StringComparer.Ordinal);
        foreach (var (name, fields) in types)
        {
            if (!IsIdentifier(name))
                throw new TypedDataException($"Invalid struct type name '{name}'.");
            if (Eip712FieldType.TryParseAtomic(name) is not null)
                throw new TypedDataException($"Struct type name '{name}' collides with an atomic type.");
            definitions[name] = fields?.ToArray() ?? throw new TypedDataException($"Struct type '{name}' has no field list.");
        }
        parsed = new(StringComparer.Ordinal);
        foreach (var (name, fields) in definitions)
            parsed[name] = ParseFields(name, fields);
    }

    public IReadOnlyCollection<string> Names => definitions.Keys;

    public bool Contains(string typeName) => definitions.ContainsKey(typeName);

    public IReadOnlyList<TypedDataField> Fields(string typeName) =>
        definitions.TryGetValue(typeName, out var fields) ? fields : throw UnknownStruct(typeName);

    /// <summary>Parses the <c>types</c> object: <c>{"Mail": [{"name": "from", "type": "Person"}, ...], ...}</c>.</summary>
    public static TypedDataTypes FromJson(JsonElement types)
    {
        if (types.ValueKind != JsonValueKind.Object)
            throw new TypedDataException("'types' must be a JSON object mapping type names to field lists.");
        var result = new Dictionary<string, IReadOnlyList<TypedDataField>>(StringComparer.Ordinal);
        foreach (var type in types.EnumerateObject())
        {
            if (type.Value.ValueKind != JsonValueKind.Array)
                throw new TypedDataException($"types.{type.Name} must be an array of {{name, type}} objects.");
            var fields = new List<TypedDataField>();
            foreach (var field in type.Value.EnumerateArray())
            {
                if (field.ValueKind != JsonValueKind.Object
                    || !field.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                    || !field.TryGetProperty("type", out var fieldType) || fieldType.ValueKind != JsonValueKind.String)
                    throw new TypedDataException($"types.{type.Name}[{fields.Count}] must be an object with string 'name' and 'type'.");
                fields.Add(new TypedDataField(name.GetString()!, fieldType.GetString()!));
            }
            if (!result.TryAdd(type.Name, fields))
                throw new TypedDataException($"Struct type '{type.Name}' is defined twice.");
        }
        return new TypedDataTypes(result);
    }

    /// <summary><c>encodeType</c>: the primary struct, then every struct it references, sorted by name.</summary>
    public string EncodeType(string primaryType) => encodedTypes.GetOrAdd(primaryType, BuildEncodeType);

    /// <summary><c>typeHash = keccak256(encodeType(primaryType))</c>.</summary>
    public byte[] TypeHash(string primaryType) =>
        (byte[])typeHashes.GetOrAdd(primaryType, t => Keccak256.Hash(EncodeType(t))).Clone();

    internal ReadOnlySpan<byte> TypeHashSpan(string primaryType) =>
        typeHashes.GetOrAdd(primaryType, t => Keccak256.Hash(EncodeType(t)));

    internal Eip712FieldType[] ParsedFields(string typeName) =>
        parsed.TryGetValue(typeName, out var fields) ? fields : throw UnknownStruct(typeName);

    private Eip712FieldType[] ParseFields(string typeName, IReadOnlyList<TypedDataField> fields)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new Eip712FieldType[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i] ?? throw new TypedDataException($"Struct type '{typeName}' has a null field at index {i}.");
            if (!IsIdentifier(field.Name))
                throw new TypedDataException($"Invalid field name '{field.Name}' in struct type '{typeName}'.");
            if (!seen.Add(field.Name))
                throw new TypedDataException($"Field '{field.Name}' appears twice in struct type '{typeName}'.");
            result[i] = Eip712FieldType.Parse(field.Type ?? "", definitions.ContainsKey, $"field '{typeName}.{field.Name}'");
        }
        return result;
    }

    private string BuildEncodeType(string primaryType)
    {
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        CollectDependencies(primaryType, dependencies);
        dependencies.Remove(primaryType);
        var builder = new StringBuilder();
        foreach (var type in dependencies.Prepend(primaryType))
        {
            builder.Append(type).Append('(');
            var fields = definitions[type];
            for (var i = 0; i < fields.Count; i++)
            {
                if (i > 0)
                    builder.Append(',');
                builder.Append(fields[i].Type).Append(' ').Append(fields[i].Name);
            }
            builder.Append(')');
        }
        return builder.ToString();
    }

    private void CollectDependencies(string type, SortedSet<string> found)
    {
        // The set doubles as the visited list, so recursive types (a Tree holding Tree[]) terminate.
        if (!found.Add(type))
            return;
        foreach (var field in ParsedFields(type))
        {
            if (field.StructName is { } dependency)
                CollectDependencies(dependency, found);
        }
    }

    private static TypedDataException UnknownStruct(string typeName) => new($"Unknown struct type '{typeName}'.");

    private static bool IsIdentifier(string? name) =>
        !string.IsNullOrEmpty(name)
        && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
}
