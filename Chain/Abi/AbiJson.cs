using System.Text.Json;

namespace Blocktrack.Chain.Abi;

/// <summary>Reads parameters from ABI JSON (solc's <c>abi</c> output).</summary>
internal static class AbiJson
{
    public static AbiType ParameterType(JsonElement parameter)
    {
        var type = parameter.GetProperty("type").GetString() ?? throw new AbiException("ABI parameter without a type.");
        if (!type.StartsWith("tuple", StringComparison.Ordinal))
            return AbiType.Parse(type);
        // "tuple[2][]": the member list comes from "components", the array suffixes from the type string.
        var tuple = AbiType.Tuple(Parameters(parameter, "components"));
        var suffix = type["tuple".Length..];
        return suffix.Length == 0 ? tuple : Rewrap(tuple, AbiType.Parse(tuple.Canonical + suffix));
    }

    public static IReadOnlyList<AbiParameter> Parameters(JsonElement owner, string property)
    {
        if (!owner.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
            return [];
        return list.EnumerateArray().Select(Parameter).ToArray();
    }

    public static AbiParameter Parameter(JsonElement parameter) => new(
        parameter.TryGetProperty("name", out var name) ? name.GetString() ?? "" : "",
        ParameterType(parameter),
        parameter.TryGetProperty("indexed", out var indexed) && indexed.ValueKind == JsonValueKind.True);

    // Parsing the canonical string drops member names, so rebuild the array layers around the named tuple.
    private static AbiType Rewrap(AbiType namedTuple, AbiType parsed) => parsed.Kind switch
    {
        AbiTypeKind.Array => AbiType.ArrayOf(Rewrap(namedTuple, parsed.Element!)),
        AbiTypeKind.FixedArray => AbiType.FixedArrayOf(Rewrap(namedTuple, parsed.Element!), parsed.Length),
        _ => namedTuple,
    };
}
