using Blocktrack.Chain;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>The parsed types and the domain separator, computed once; type hashes are cached by <see cref="TypedDataTypes"/>.</summary>
public sealed class SigningSchema
{
    public SigningSchema(IOptions<GatewayOptions> options)
        : this(options.Value.ChainId)
    {
    }

    public SigningSchema(long chainId)
    {
        ChainId = chainId;
        var definitions = SignedTypes.Messages.Select(Parse).ToDictionary(d => d.Name, d => d.Fields, StringComparer.Ordinal);
        Types = new TypedDataTypes(definitions);
        foreach (var typeString in SignedTypes.Messages)
        {
            var name = typeString[..typeString.IndexOf('(')];
            // Parsing must round-trip, or the hash would silently differ from what wallets sign.
            if (Types.EncodeType(name) != typeString)
                throw new InvalidOperationException($"EIP-712 type {name} does not round-trip: {Types.EncodeType(name)}");
        }
        DomainSeparator = TypedDataHasher.DomainSeparator(
            name: SignedTypes.DomainName, version: SignedTypes.DomainVersion, chainId: chainId);
    }

    public long ChainId { get; }

    public TypedDataTypes Types { get; }

    public byte[] DomainSeparator { get; }

    /// <summary>A fresh builder for one message of <paramref name="typeName"/>.</summary>
    public StructHashBuilder Builder(string typeName) => new(Types, typeName);

    /// <summary>Splits <c>Name(type field,type field)</c> into its name and fields.</summary>
    public static (string Name, IReadOnlyList<TypedDataField> Fields) Parse(string typeString)
    {
        var open = typeString.IndexOf('(');
        var fields = typeString[(open + 1)..^1]
            .Split(',')
            .Select(member => member.Split(' '))
            .Select(parts => new TypedDataField(parts[1], parts[0]))
            .ToArray();
        return (typeString[..open], fields);
    }
}
