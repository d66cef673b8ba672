using System.Text.Json;
using Blocktrack.Chain.Rpc;

namespace Blocktrack.Chain.Abi;

/// <summary>A contract event: its topic0 and the decoding of a log's indexed topics and data.</summary>
public sealed class AbiEvent
{
    public AbiEvent(string name, IReadOnlyList<AbiParameter> inputs, bool anonymous = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Inputs = inputs;
        Anonymous = anonymous;
        Signature = $"{name}({string.Join(',', inputs.Select(p => p.Type.Canonical))})";
        Topic0 = Keccak256.Hash(Signature);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    /// <summary>Anonymous events carry no topic0; their logs can only be matched by address and indexed values.</summary>
    public bool Anonymous { get; }

    public string Signature { get; }

    /// <summary>keccak256 of the canonical signature, the first topic of every non-anonymous log of this event.</summary>
    public byte[] Topic0 { get; }

    public string Topic0Hex => Hex.ToHex(Topic0);

    /// <summary>Parses <c>event Transfer(address indexed from, address indexed to, uint256 value)</c> (the keyword is optional).</summary>
    public static AbiEvent Parse(string signature)
    {
        var parsed = AbiSignatureParser.ParseSignature(signature);
        if (parsed.Keyword is "function" or "error" or "constructor")
            throw new AbiException($"'{signature}' is a {parsed.Keyword}, not an event.");
        return new AbiEvent(parsed.Name, parsed.Inputs, parsed.Modifiers.Contains("anonymous"));
    }

    /// <summary>Reads a <c>"type": "event"</c> entry of ABI JSON.</summary>
    public static AbiEvent FromJson(JsonElement entry) => new(
        entry.GetProperty("name").GetString() ?? throw new AbiException("ABI event without a name."),
        AbiJson.Parameters(entry, "inputs"),
        entry.TryGetProperty("anonymous", out var a) && a.ValueKind == JsonValueKind.True);

    public bool Matches(LogEntry log) =>
        !Anonymous && log.Topics.Count > 0 && string.Equals(log.Topics[0], Topic0Hex, StringComparison.OrdinalIgnoreCase);

    public DecodedEvent Decode(LogEntry log) => Decode(log.Topics, log.Data);

    /// <summary>Decodes a log. Indexed strings, bytes, arrays and tuples are stored as their keccak256 in the topic,
    /// so their value comes back as that 32-byte hash.</summary>
    public DecodedEvent Decode(IReadOnlyList<string> topics, ReadOnlySpan<byte> data)
    {
        var indexed = Inputs.Where(p => p.Indexed).ToArray();
        var first = Anonymous ? 0 : 1;
        if (topics.Count != first + indexed.Length)
            throw new AbiException($"{Signature} has {indexed.Length} indexed parameters, so its logs carry {first + indexed.Length} topics, not {topics.Count}.");
        if (!Anonymous && !string.Equals(topics[0], Topic0Hex, StringComparison.OrdinalIgnoreCase))
            throw new AbiException($"Topic0 {topics[0]} is not {Signature} ({Topic0Hex}).");
        var unindexed = AbiDecoder.Decode(Inputs.Where(p => !p.Indexed).ToArray(), data);
        var values = new object?[Inputs.Count];
        int topic = first, plain = 0;
        for (var i = 0; i < Inputs.Count; i++)
        {
            if (!Inputs[i].Indexed)
            {
                values[i] = unindexed[plain++];
                continue;
            }
            var word = Hex.Parse(topics[topic++], 32);
            values[i] = IsHashedWhenIndexed(Inputs[i].Type) ? word : AbiDecoder.DecodeSingle(Inputs[i].Type, word);
        }
        return new DecodedEvent(this, values);
    }

    private static bool IsHashedWhenIndexed(AbiType type) =>
        type.Kind is AbiTypeKind.String or AbiTypeKind.Bytes or AbiTypeKind.Array or AbiTypeKind.FixedArray or AbiTypeKind.Tuple;

    public override string ToString() => Signature;
}
