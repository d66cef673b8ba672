using System.Collections.Immutable;
using Blocktrack.Chain;

namespace Blocktrack.Gateway;

/// <summary>What a client needs to sign: the EIP-712 domain and types, in the shape ethers' <c>signTypedData</c> takes.</summary>
public sealed record SigningInfo(SigningDomain Domain, ImmutableSortedDictionary<string, IReadOnlyList<TypedDataField>> Types)
{
    public static SigningInfo From(SigningSchema schema) => new(
        new SigningDomain(SignedTypes.DomainName, SignedTypes.DomainVersion, schema.ChainId),
        schema.Types.Names.ToImmutableSortedDictionary(name => name, schema.Types.Fields, StringComparer.Ordinal));
}
