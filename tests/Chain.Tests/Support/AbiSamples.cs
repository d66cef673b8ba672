using System.Numerics;
using System.Text.Json.Nodes;
using Blocktrack.Chain.Abi;

namespace Blocktrack.Chain.Tests.Support;

/// <summary>Random ABI types and values, in the JSON notation abi.mjs speaks and as the .NET values the encoder takes.</summary>
internal static class AbiSamples
{
    private static readonly string[] Texts = ["", "a", "Hello, Bob!", "賛成 🚀", "quote \" backslash \\", new string('x', 33), "SDG 4 · Quality Education"];

    public static AbiType RandomType(Random rng, int depth = 0)
    {
        var pick = rng.Next(depth >= 3 ? 8 : 11);
        return pick switch
        {
            0 => AbiType.Address,
            1 => AbiType.Bool,
            2 => AbiType.UInt(8 * rng.Next(1, 33)),
            3 => AbiType.Int(8 * rng.Next(1, 33)),
            4 => AbiType.FixedBytes(rng.Next(1, 33)),
            5 => AbiType.Bytes,
            6 => AbiType.String,
            7 => AbiType.UInt256,
            8 => AbiType.ArrayOf(RandomType(rng, depth + 1)),
            9 => AbiType.FixedArrayOf(RandomType(rng, depth + 1), rng.Next(1, 4)),
            _ => AbiType.Tuple(Enumerable.Range(0, rng.Next(1, 5)).Select(_ => RandomType(rng, depth + 1)).ToArray()),
        };
    }

    public static JsonNode RandomValue(Random rng, AbiType type) => type.Kind switch
    {
        AbiTypeKind.Address => Hex.ToHex(TypedDataSamples.RandomBytes(rng, 20)),
        AbiTypeKind.Bool => rng.Next(2) == 0,
        AbiTypeKind.UInt => RandomUInt(rng, type.Size).ToString(),
        AbiTypeKind.Int => (RandomUInt(rng, type.Size) - (BigInteger.One << (type.Size - 1))).ToString(),
        AbiTypeKind.FixedBytes => Hex.ToHex(TypedDataSamples.RandomBytes(rng, type.Size)),
        AbiTypeKind.Bytes => Hex.ToHex(TypedDataSamples.RandomBytes(rng, new[] { 0, 1, 31, 32, 33, 64, 100 }[rng.Next(7)])),
        AbiTypeKind.String => Texts[rng.Next(Texts.Length)],
        AbiTypeKind.Array => new JsonArray(Enumerable.Range(0, rng.Next(0, 4)).Select(_ => RandomValue(rng, type.Element!)).ToArray()),
        AbiTypeKind.FixedArray => new JsonArray(Enumerable.Range(0, type.Length).Select(_ => RandomValue(rng, type.Element!)).ToArray()),
        _ => new JsonArray(type.Components.Select(c => RandomValue(rng, c.Type)).ToArray()),
    };

    /// <summary>The JSON notation turned into what <see cref="AbiEncoder"/> takes.</summary>
    public static object? ToClr(AbiType type, JsonNode node) => type.Kind switch
    {
        AbiTypeKind.Bool => (bool)node,
        AbiTypeKind.UInt or AbiTypeKind.Int => BigInteger.Parse((string)node!),
        AbiTypeKind.FixedBytes or AbiTypeKind.Bytes => Hex.Parse((string)node!),
        AbiTypeKind.Address or AbiTypeKind.String => (string)node!,
        AbiTypeKind.Array or AbiTypeKind.FixedArray => node.AsArray().Select(item => ToClr(type.Element!, item!)).ToArray(),
        _ => node.AsArray().Select((item, i) => ToClr(type.Components[i].Type, item!)).ToArray(),
    };

    /// <summary>What <see cref="AbiDecoder"/> returned, in the JSON notation.</summary>
    public static JsonNode ToJson(AbiType type, object? value) => type.Kind switch
    {
        AbiTypeKind.Bool => (bool)value!,
        AbiTypeKind.UInt or AbiTypeKind.Int => ((BigInteger)value!).ToString(),
        AbiTypeKind.FixedBytes or AbiTypeKind.Bytes => Hex.ToHex((byte[])value!),
        AbiTypeKind.Address or AbiTypeKind.String => (string)value!,
        AbiTypeKind.Array or AbiTypeKind.FixedArray => new JsonArray(((object?[])value!).Select(item => ToJson(type.Element!, item)).ToArray()),
        _ => new JsonArray(((object?[])value!).Select((item, i) => ToJson(type.Components[i].Type, item)).ToArray()),
    };

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
