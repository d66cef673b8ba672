using System.Numerics;
using System.Text.Json.Nodes;

namespace Blocktrack.Chain.Tests.Support;

/// <summary>An ABI type of the random samples: its kind and, for the composite ones, what it is made of.</summary>
internal sealed record SampleType(string Kind, int Size = 0, SampleType? Element = null, int Length = 0, SampleType[]? Components = null)
{
    public string Canonical => Kind switch
    {
        "uint" or "int" => $"{Kind}{Size}",
        "bytesN" => $"bytes{Size}",
        "array" => Element!.Canonical + "[]",
        "fixed" => $"{Element!.Canonical}[{Length}]",
        "tuple" => $"({string.Join(",", Components!.Select(c => c.Canonical))})",
        _ => Kind,
    };

    public bool IsComposite => Kind is "array" or "fixed" or "tuple";
}

/// <summary>Random ABI types and values, in the JSON notation abi.mjs speaks and as the .NET values our encoder takes.</summary>
internal static class AbiSamples
{
    private static readonly string[] Texts = ["", "a", "Hello, Bob!", "賛成 🚀", "quote \" backslash \\", new string('x', 33), "SDG 4 · Quality Education"];

    public static SampleType RandomType(Random rng, int depth = 0) => rng.Next(depth >= 3 ? 8 : 11) switch
    {
        0 => new("address"),
        1 => new("bool"),
        2 => new("uint", 8 * rng.Next(1, 33)),
        3 => new("int", 8 * rng.Next(1, 33)),
        4 => new("bytesN", rng.Next(1, 33)),
        5 => new("bytes"),
        6 => new("string"),
        7 => new("uint", 256),
        8 => new("array", Element: RandomType(rng, depth + 1)),
        9 => new("fixed", Element: RandomType(rng, depth + 1), Length: rng.Next(1, 4)),
        _ => new("tuple", Components: [.. Enumerable.Range(0, rng.Next(1, 5)).Select(_ => RandomType(rng, depth + 1))]),
    };

    public static JsonNode RandomValue(Random rng, SampleType type) => type.Kind switch
    {
        "address" => Hex.ToHex(TypedDataSamples.RandomBytes(rng, 20)),
        "bool" => rng.Next(2) == 0,
        "uint" => RandomUInt(rng, type.Size).ToString(),
        "int" => (RandomUInt(rng, type.Size) - (BigInteger.One << (type.Size - 1))).ToString(),
        "bytesN" => Hex.ToHex(TypedDataSamples.RandomBytes(rng, type.Size)),
        "bytes" => Hex.ToHex(TypedDataSamples.RandomBytes(rng, new[] { 0, 1, 31, 32, 33, 64, 100 }[rng.Next(7)])),
        "string" => Texts[rng.Next(Texts.Length)],
        "array" => new JsonArray([.. Enumerable.Range(0, rng.Next(0, 4)).Select(_ => RandomValue(rng, type.Element!))]),
        "fixed" => new JsonArray([.. Enumerable.Range(0, type.Length).Select(_ => RandomValue(rng, type.Element!))]),
        _ => new JsonArray([.. type.Components!.Select(c => RandomValue(rng, c))]),
    };

    /// <summary>The JSON notation turned into plain .NET values.</summary>
    public static object? ToClr(SampleType type, JsonNode node) => type.Kind switch
    {
        "bool" => (bool)node,
        "uint" or "int" => BigInteger.Parse((string)node!),
        "bytesN" or "bytes" => Hex.Parse((string)node!),
        "address" or "string" => (string)node!,
        "array" or "fixed" => node.AsArray().Select(item => ToClr(type.Element!, item!)).ToArray(),
        _ => node.AsArray().Select((item, i) => ToClr(type.Components![i], item!)).ToArray(),
    };

    /// <summary>A decoded value in the JSON notation.</summary>
    public static JsonNode ToJson(SampleType type, object? value) => type.Kind switch
    {
        "bool" => (bool)value!,
        "uint" or "int" => ((BigInteger)value!).ToString(),
        "bytesN" or "bytes" => Hex.ToHex((byte[])value!),
        "address" or "string" => (string)value!,
        "array" or "fixed" => new JsonArray([.. ((object?[])value!).Select(item => ToJson(type.Element!, item))]),
        _ => new JsonArray([.. ((object?[])value!).Select((item, i) => ToJson(type.Components![i], item))]),
    };

    /// <summary>An ABI JSON parameter: Nethereum's JSON reader takes nested tuples, which its signature parser cannot.</summary>
    public static JsonObject Parameter(string name, SampleType type, bool? indexed = null)
    {
        var (suffix, inner) = ("", type);
        for (; inner.Kind is "array" or "fixed"; inner = inner.Element!)
            suffix = (inner.Kind == "array" ? "[]" : $"[{inner.Length}]") + suffix;
        var json = new JsonObject { ["name"] = name, ["type"] = (inner.Kind == "tuple" ? "tuple" : inner.Canonical) + suffix };
        if (inner.Kind == "tuple")
            json["components"] = new JsonArray([.. inner.Components!.Select((c, i) => (JsonNode)Parameter($"c{i}", c))]);
        if (indexed is { } flag) json["indexed"] = flag;
        return json;
    }

    private static BigInteger RandomUInt(Random rng, int bits)
    {
        var max = (BigInteger.One << bits) - 1;
        return rng.Next(6) switch
        {
            0 => BigInteger.Zero,
            1 => max,
            2 => BigInteger.One << (bits - 1),
            _ => new BigInteger(TypedDataSamples.RandomBytes(rng, bits / 8), isUnsigned: true) >> rng.Next(bits),
        };
    }
}
