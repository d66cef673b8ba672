using System.Numerics;
using System.Text.Json;

namespace Blocktrack.Chain;

/// <summary>EIP-712 hashing of eth_signTypedData_v4 payloads, plus the building blocks for hashing without JSON.</summary>
public static class TypedDataHasher
{
    // The domain fields in the order EIP-712 lists them; used when a payload omits its EIP712Domain type.
    private static readonly TypedDataField[] StandardDomainFields =
    [
        new("name", "string"),
        new("version", "string"),
        new("chainId", "uint256"),
        new("verifyingContract", "address"),
        new("salt", "bytes32"),
    ];

    /// <summary>The digest a wallet signs for <c>{types, primaryType, domain, message}</c> JSON.</summary>
    public static byte[] Hash(string typedDataJson)
    {
        ArgumentNullException.ThrowIfNull(typedDataJson);
        try
        {
            using var document = JsonDocument.Parse(typedDataJson);
            return Hash(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new TypedDataException($"Typed data is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary><c>keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message))</c> for a parsed v4 payload.</summary>
    public static byte[] Hash(JsonElement typedData)
    {
        if (typedData.ValueKind != JsonValueKind.Object)
            throw new TypedDataException("Typed data must be a JSON object with types, primaryType, domain and message.");
        var types = TypedDataTypes.FromJson(Member(typedData, "types"));
        var primaryType = Member(typedData, "primaryType");
        if (primaryType.ValueKind != JsonValueKind.String)
            throw new TypedDataException("'primaryType' must be a string.");
        var domainSeparator = HashDomain(types, Member(typedData, "domain"));
        var primary = primaryType.GetString()!;
        // Signing the domain alone is how eth-sig-util and MetaMask treat primaryType EIP712Domain.
        if (primary == TypedDataTypes.DomainTypeName)
            return Digest(domainSeparator);
        if (!types.Contains(primary))
            throw new TypedDataException($"primaryType '{primary}' is not defined in 'types'.");
        return Digest(domainSeparator, HashStruct(primary, types, Member(typedData, "message")));
    }

    /// <summary><c>hashStruct(primaryType, message)</c>: keccak256 of the type hash and each field's encoding.</summary>
    public static byte[] HashStruct(string primaryType, TypedDataTypes types, JsonElement message)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (!types.Contains(primaryType))
            throw new TypedDataException($"Unknown struct type '{primaryType}'.");
        var hash = new byte[Keccak256.Size];
        Eip712JsonEncoder.HashStruct(types, primaryType, message, "message", hash);
        return hash;
    }

    /// <summary>
    /// The domain separator for a JSON domain object. Uses the EIP712Domain type when <paramref name="types"/> defines it,
    /// otherwise the standard fields present in the object, in EIP-712 order (as ethers.js does).
    /// </summary>
    public static byte[] HashDomain(TypedDataTypes types, JsonElement domain)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (!types.Contains(TypedDataTypes.DomainTypeName))
            types = InferDomainType(domain);
        var hash = new byte[Keccak256.Size];
        Eip712JsonEncoder.HashStruct(types, TypedDataTypes.DomainTypeName, domain, "domain", hash);
        return hash;
    }

    /// <summary>The domain separator from the standard fields; null ones are left out of the EIP712Domain type.</summary>
    public static byte[] DomainSeparator(
        string? name = null, string? version = null, BigInteger? chainId = null, string? verifyingContract = null, byte[]? salt = null)
    {
        var fields = new List<TypedDataField>();
        if (name is not null) fields.Add(StandardDomainFields[0]);
        if (version is not null) fields.Add(StandardDomainFields[1]);
        if (chainId is not null) fields.Add(StandardDomainFields[2]);
        if (verifyingContract is not null) fields.Add(StandardDomainFields[3]);
        if (salt is not null) fields.Add(StandardDomainFields[4]);
        var types = new TypedDataTypes(new Dictionary<string, IReadOnlyList<TypedDataField>> { [TypedDataTypes.DomainTypeName] = fields });
        var builder = new StructHashBuilder(types, TypedDataTypes.DomainTypeName);
        if (name is not null) builder.String(name);
        if (version is not null) builder.String(version);
        if (chainId is { } id) builder.Uint(id);
        if (verifyingContract is not null) builder.Address(verifyingContract);
        if (salt is not null) builder.FixedBytes(salt);
        return builder.ToHash();
    }

    /// <summary><c>keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash)</c>.</summary>
    public static byte[] Digest(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash)
    {
        RequireHash(structHash, nameof(structHash));
        return DigestCore(domainSeparator, structHash);
    }

    /// <summary>The digest when the primary type is EIP712Domain itself: <c>keccak256(0x19 0x01 ‖ domainSeparator)</c>.</summary>
    public static byte[] Digest(ReadOnlySpan<byte> domainSeparator) => DigestCore(domainSeparator, []);

    private static byte[] DigestCore(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash)
    {
        RequireHash(domainSeparator, nameof(domainSeparator));
        Span<byte> buffer = stackalloc byte[2 + 32 + 32];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        domainSeparator.CopyTo(buffer[2..]);
        structHash.CopyTo(buffer[34..]);
        return Keccak256.Hash(buffer[..(34 + structHash.Length)]);
    }

    private static TypedDataTypes InferDomainType(JsonElement domain)
    {
        if (domain.ValueKind != JsonValueKind.Object)
            throw new TypedDataException("'domain' must be a JSON object.");
        var fields = new List<TypedDataField>();
        foreach (var field in StandardDomainFields)
        {
            if (domain.TryGetProperty(field.Name, out _))
                fields.Add(field);
        }
        foreach (var property in domain.EnumerateObject())
        {
            if (!StandardDomainFields.Any(f => f.Name == property.Name))
                throw new TypedDataException(
                    $"domain: field '{property.Name}' is not a standard EIP-712 domain field; declare it in an EIP712Domain type.");
        }
        return new TypedDataTypes(new Dictionary<string, IReadOnlyList<TypedDataField>> { [TypedDataTypes.DomainTypeName] = fields });
    }

    private static JsonElement Member(JsonElement typedData, string name) =>
        typedData.TryGetProperty(name, out var value) ? value : throw new TypedDataException($"Typed data has no '{name}' member.");

    private static void RequireHash(ReadOnlySpan<byte> hash, string name)
    {
        if (hash.Length != Keccak256.Size)
            throw new ArgumentException($"{name} must be 32 bytes, got {hash.Length}.", name);
    }
}
