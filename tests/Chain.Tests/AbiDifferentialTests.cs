using System.Text.Json.Nodes;
using Blocktrack.Chain.Abi;
using Blocktrack.Chain.Tests.Support;

namespace Blocktrack.Chain.Tests;

/// <summary>ABI encoding, decoding, selectors and event logs (our calls over Nethereum) cross-checked against ethers v6.</summary>
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
        var csharpEncodings = cases
            .Select(c => Encoder(c.Types).EncodeCall([.. c.Types.Select((t, i) => AbiSamples.ToClr(t, c.Values[i]))])[4..]).ToArray();

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

            var decodedByUs = Decoder(cases[i].Types).DecodeOutput(Hex.Parse((string)ethersEncoding!));
            var ours = new JsonArray(cases[i].Types.Select((t, j) => AbiSamples.ToJson(t, decodedByUs[j])).ToArray()).ToJsonString();
            Assert.True(expected == ours, $"case {i} ({signature}): C# decoded ethers' encoding as {ours}");
        }
    }

    [Fact]
    public void Selectors_topics_and_event_logs_match_ethers()
    {
        var rng = new Random(2718);
        var functions = Enumerable.Range(0, 40).Select(i => (Name: $"f{i}",
            Inputs: Enumerable.Range(0, rng.Next(0, 4)).Select(j => new Parameter($"p{j}", AbiSamples.RandomType(rng))).ToArray()))
            .ToArray();
        // ethers cannot encode indexed arrays or tuples (their topic is a hash of an encoding it does not implement),
        // so indexed parameters stay elementary or string/bytes.
        var events = Enumerable.Range(0, 40).Select(i =>
        {
            var inputs = Enumerable.Range(0, rng.Next(0, 5)).Select(j =>
            {
                var type = AbiSamples.RandomType(rng);
                return new Parameter($"p{j}", type, Indexed: !type.IsComposite && rng.Next(2) == 0);
            }).ToArray();
            // At most three indexed parameters fit beside topic0.
            var indexedSoFar = 0;
            inputs = inputs.Select(p => p.Indexed && ++indexedSoFar > 3 ? p with { Indexed = false } : p).ToArray();
            return (Name: $"E{i}", Inputs: inputs);
        }).ToArray();
        var eventValues = events.Select(e => e.Inputs.Select(p => AbiSamples.RandomValue(rng, p.Type)).ToArray()).ToArray();
        var parsedEvents = events.Select(e => Event(e.Name, e.Inputs)).ToArray();

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
            var parsed = Function(functions[i].Name, functions[i].Inputs);
            Assert.Equal((string)output["functions"]![i]!["canonical"]!, parsed.Definition.Signature);
            Assert.Equal((string)output["functions"]![i]!["selector"]!, parsed.SelectorHex);
        }
        for (var i = 0; i < events.Length; i++)
        {
            var log = output["events"]![i]!;
            Assert.True(log["error"] is null, $"event {i} {parsedEvents[i]}: ethers refused: {log["error"]}");
            Assert.Equal((string)log["canonical"]!, parsedEvents[i].Definition.Signature);
            Assert.Equal((string)log["topicHash"]!, parsedEvents[i].Topic0Hex);
            var topics = log["topics"]!.AsArray().Select(t => (string)t!).ToArray();
            var decoded = parsedEvents[i].Decode(topics, Hex.Parse((string)log["data"]!));
            for (var j = 0; j < events[i].Inputs.Length; j++)
            {
                var parameter = events[i].Inputs[j];
                var expected = eventValues[i][j];
                if (parameter.Indexed && parameter.Type.Kind is "string")
                    Assert.Equal(Hex.ToHex(Keccak256.Hash((string)expected!)), Hex.ToHex((byte[])decoded.Values[j]!));
                else if (parameter.Indexed && parameter.Type.Kind is "bytes")
                    Assert.Equal(Hex.ToHex(Keccak256.Hash(Hex.Parse((string)expected!))), Hex.ToHex((byte[])decoded.Values[j]!));
                else
                    Assert.Equal(expected.ToJsonString(), AbiSamples.ToJson(parameter.Type, decoded.Values[j]).ToJsonString());
            }
        }
    }

    private static AbiFunction Encoder(SampleType[] types) => AbiFunction.Parse(Json("function", "f", inputs: Numbered(types)));

    private static AbiFunction Decoder(SampleType[] types) => AbiFunction.Parse(Json("function", "f", outputs: Numbered(types)));

    private static AbiFunction Function(string name, IEnumerable<Parameter> inputs) =>
        AbiFunction.Parse(Json("function", name, inputs: inputs.Select(p => AbiSamples.Parameter(p.Name, p.Type))));

    private static AbiEvent Event(string name, IEnumerable<Parameter> inputs) =>
        AbiEvent.Parse(Json("event", name, inputs: inputs.Select(p => AbiSamples.Parameter(p.Name, p.Type, p.Indexed))));

    private static IEnumerable<JsonObject> Numbered(SampleType[] types) => types.Select((t, i) => AbiSamples.Parameter($"p{i}", t));

    // ABI JSON, not signatures: Nethereum's signature parser cannot read nested tuples. Its JSON reader wants "outputs"
    // on a function and "anonymous" on an event.
    private static string Json(string kind, string name, IEnumerable<JsonObject>? inputs = null, IEnumerable<JsonObject>? outputs = null)
    {
        var entry = new JsonObject { ["type"] = kind, ["name"] = name, ["inputs"] = new JsonArray([.. inputs ?? []]) };
        if (kind == "function") entry["outputs"] = new JsonArray([.. outputs ?? []]);
        else entry["anonymous"] = false;
        return new JsonArray(entry).ToJsonString();
    }

    private static JsonArray TypeList(IEnumerable<SampleType> types) => new(types.Select(t => (JsonNode)t.Canonical).ToArray());

    private static string Named(string name, IEnumerable<Parameter> inputs) =>
        $"{name}({string.Join(", ", inputs.Select(p => $"{p.Type.Canonical}{(p.Indexed ? " indexed" : "")} {p.Name}"))})";

    private sealed record Parameter(string Name, SampleType Type, bool Indexed = false);
}
