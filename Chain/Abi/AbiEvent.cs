using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;

namespace Blocktrack.Chain.Abi;

/// <summary>A contract event: its topic0 and the decoding of a log (by Nethereum), checked against the event's shape first.</summary>
public sealed class AbiEvent
{
    private AbiEvent(EventABI abi) => Definition = abi;

    /// <summary>Nethereum's definition, for the adapters that hand it to Nethereum themselves.</summary>
    public EventABI Definition { get; }

    /// <summary>An event of a contract's ABI JSON, as Nethereum read it.</summary>
    public static AbiEvent Of(EventABI abi) => new(abi);

    public string Name => Definition.Name;

    public IReadOnlyList<string> ParameterNames => [.. Definition.InputParameters.Select(p => p.Name)];

    /// <summary>keccak256 of the canonical signature, the first topic of the event's logs, 0x-prefixed.</summary>
    public string Topic0Hex => "0x" + Definition.Sha3Signature;

    /// <summary>Parses <c>event Transfer(address indexed from, address indexed to, uint256 value)</c> (the keyword is optional).</summary>
    public static AbiEvent Parse(string signature) =>
        new(AbiValues.Parse("event", signature).Events.SingleOrDefault() ?? throw new AbiException($"'{signature}' is not an event."));

    /// <summary>Indexed strings, bytes, arrays and tuples are stored as their keccak256, so they come back as that hash.</summary>
    public DecodedEvent Decode(IReadOnlyList<string> topics, ReadOnlySpan<byte> data)
    {
        var indexed = Definition.InputParameters.Count(p => p.Indexed);
        // Nethereum decodes a log with missing topics or another topic0 without complaint; a mirror must not.
        if (topics.Count != 1 + indexed)
            throw new AbiException($"{Name} has {indexed} indexed parameters, so its logs carry {1 + indexed} topics, not {topics.Count}.");
        if (!string.Equals(topics[0], Topic0Hex, StringComparison.OrdinalIgnoreCase))
            throw new AbiException($"Topic0 {topics[0]} is not {Name} ({Topic0Hex}).");
        var (bytes, hex) = (data.ToArray(), Hex.ToHex(data));
        var decoded = AbiFunction.Guard(() => new EventTopicDecoder().DecodeDefaultTopics(Definition, [.. topics], hex));
        var values = AbiValues.FromDecoder(Definition.InputParameters.Select(p => decoded.Single(o => o.Parameter.Order == p.Order)));
        var topic = 1;
        for (var i = 0; i < values.Length; i++)
        {
            // An indexed string, bytes, array or tuple is only its keccak256 in the topic: give that hash, as bytes.
            if (Definition.InputParameters[i] is { Indexed: true } p
                && (p.Type is "string" or "bytes" || p.Type.StartsWith("tuple", StringComparison.Ordinal) || p.Type.EndsWith(']')))
                values[i] = Hex.Parse(topics[topic]);
            if (Definition.InputParameters[i].Indexed) topic++;
        }
        var plain = Definition.InputParameters.Select((p, i) => (p, i)).Where(x => !x.p.Indexed).ToArray();
        AbiFunction.Guard(() => AbiValues.Strict([.. plain.Select(x => x.p)], [.. plain.Select(x => values[x.i])], bytes));
        return new DecodedEvent(Name, ParameterNames, values);
    }

    public override string ToString() => $"{Name} ({Topic0Hex})";
}
