using System.Text.Json.Nodes;
using Blocktrack.Chain.Abi;
using Blocktrack.Chain.Tests.Support;

namespace Blocktrack.Chain.Tests;

/// <summary>ABI encoding, decoding, selectors and event logs cross-checked against ethers v6's AbiCoder and Interface.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class AbiDifferentialTests
{
    [Fact]
    public void Random_types_and_values_encode_and_decode_like_ethers()
    {
        var rng = new Random(1559);
        var cases = Enumerable.Range(0, 300).Select(_ =>
        {
            var types = Enumerable.Range(0, rng.Next(1, 5)).Select(_ => AbiSamples.RandomType(rng)).ToArray();
            return (Types: types, Values: types.Select(t => AbiSamples.RandomValue(rng, t)).ToArray());
        }).ToArray();
        var csharpEncodings = cases.Select(c => AbiEncoder.Encode(c.Types, c.Types.Select((t, i) => AbiSamples.ToClr(t, c.Values[i])).ToArray())).ToArray();

        var input = new JsonObject
        {
            ["encode"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["types"] = TypeList(c.Types),
                ["values"] = new JsonArray(c.Values.Select(v => v.DeepClone()).ToArray()),
            }).ToArray()),
            ["decode"] = new JsonArray(cases.Select((c, i) => (JsonNode)new JsonObject
            {
                ["types"] = TypeList(c.Types),
                ["data"] = Hex.ToHex(csharpEncodings[i]),
            }).ToArray()),
        };

        var output = EthersScripts.Run("abi.mjs", input);

        for (var i = 0; i < cases.Length; i++)
        {
            var signature = string.Join(",", cases[i].Types.Select(t => t.Canonical));
            var expected = new JsonArray(cases[i].Values.Select(v => v.DeepClone()).ToArray()).ToJsonString();
            var ethersEncoding = output["encode"]![i]!;
            Assert.True(ethersEncoding is JsonValue, $"case {i} ({signature}): ethers refused {expected}: {ethersEncoding.ToJsonString()}");
            Assert.True(Hex.ToHex(csharpEncodings[i]) == (string)ethersEncoding!, $"case {i} ({signature}): encodings differ for {expected}");

            var decodedByEthers = output["decode"]![i]!.ToJsonString();
            Assert.True(expected == decodedByEthers, $"case {i} ({signature}): ethers decoded C#'s encoding as {decodedByEthers}");

            var decodedByUs = AbiDecoder.Decode(cases[i].Types, Hex.Parse((string)ethersEncoding!));
            var ours = new JsonArray(cases[i].Types.Select((t, j) => AbiSamples.ToJson(t, decodedByUs[j])).ToArray()).ToJsonString();
            Assert.True(expected == ours, $"case {i} ({signature}): C# decoded ethers' encoding as {ours}");
        }
    }

    [Fact]
    public void Selectors_topics_and_event_logs_match_ethers()
    {
        var rng = new Random(2718);
        var functions = Enumerable.Range(0, 40).Select(i => new AbiFunction($"f{i}",
            Enumerable.Range(0, rng.Next(0, 4)).Select(j => new AbiParameter($"p{j}", AbiSamples.RandomType(rng))).ToArray())).ToArray();
        // ethers cannot encode indexed arrays or tuples (their topic is a hash of an encoding it does not implement),
        // so indexed parameters stay elementary or string/bytes.
        var events = Enumerable.Range(0, 40).Select(i =>
        {
            var inputs = Enumerable.Range(0, rng.Next(0, 5)).Select(j =>
            {
                var type = AbiSamples.RandomType(rng);
                var indexable = type.Kind is not (AbiTypeKind.Array or AbiTypeKind.FixedArray or AbiTypeKind.Tuple);
                return new AbiParameter($"p{j}", type, Indexed: indexable && rng.Next(2) == 0);
            }).ToArray();
            // At most three indexed parameters fit beside topic0.
            var indexedSoFar = 0;
            inputs = inputs.Select(p => p.Indexed && ++indexedSoFar > 3 ? p with { Indexed = false } : p).ToArray();
            return new AbiEvent($"E{i}", inputs);
        }).ToArray();
        var eventValues = events.Select(e => e.Inputs.Select(p => AbiSamples.RandomValue(rng, p.Type)).ToArray()).ToArray();

        var input = new JsonObject
        {
            ["functions"] = new JsonArray(functions.Select(f => (JsonNode)Named(f.Name, f.Inputs)).ToArray()),
            ["events"] = new JsonArray(events.Select((e, i) => (JsonNode)new JsonObject
            {
                ["signature"] = Named(e.Name, e.Inputs),
                ["values"] = new JsonArray(eventValues[i].Select(v => v.DeepClone()).ToArray()),
            }).ToArray()),
        };

        var output = EthersScripts.Run("abi.mjs", input);

        for (var i = 0; i < functions.Length; i++)
        {
            Assert.Equal((string)output["functions"]![i]!["canonical"]!, functions[i].Signature);
            Assert.Equal((string)output["functions"]![i]!["selector"]!, functions[i].SelectorHex);
            Assert.Equal(functions[i].Signature, AbiFunction.Parse(Named(functions[i].Name, functions[i].Inputs)).Signature);
        }
        for (var i = 0; i < events.Length; i++)
        {
            var log = output["events"]![i]!;
            Assert.True(log["error"] is null, $"event {i} {events[i].Signature}: ethers refused: {log["error"]}");
            Assert.Equal((string)log["canonical"]!, events[i].Signature);
            Assert.Equal((string)log["topicHash"]!, events[i].Topic0Hex);
            var decoded = events[i].Decode(log["topics"]!.AsArray().Select(t => (string)t!).ToArray(), Hex.Parse((string)log["data"]!));
            for (var j = 0; j < events[i].Inputs.Count; j++)
            {
                var parameter = events[i].Inputs[j];
                var expected = eventValues[i][j];
                if (parameter.Indexed && parameter.Type.Kind is AbiTypeKind.String)
                    Assert.Equal(Hex.ToHex(Keccak256.Hash((string)expected!)), Hex.ToHex((byte[])decoded.Values[j]!));
                else if (parameter.Indexed && parameter.Type.Kind is AbiTypeKind.Bytes)
                    Assert.Equal(Hex.ToHex(Keccak256.Hash(Hex.Parse((string)expected!))), Hex.ToHex((byte[])decoded.Values[j]!));
                else
                    Assert.Equal(expected.ToJsonString(), AbiSamples.ToJson(parameter.Type, decoded.Values[j]).ToJsonString());
            }
        }
    }

    private static JsonArray TypeList(IEnumerable<AbiType> types) => new(types.Select(t => (JsonNode)t.Canonical).ToArray());

    private static string Named(string name, IEnumerable<AbiParameter> inputs) =>
        $"{name}({string.Join(", ", inputs.Select(p => $"{p.Type.Canonical}{(p.Indexed ? " indexed" : "")} {p.Name}"))})";
}
