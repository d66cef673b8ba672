using System.Text.Json;
using Blocktrack.Chain.Tests.Support;

namespace Blocktrack.Chain.Tests;

/// <summary>The worked "Mail" example published in EIP-712, step by step.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class Eip712VectorTests
{
    private static readonly JsonElement Mail = JsonDocument.Parse(TypedDataSamples.MailJson).RootElement;
    private static readonly TypedDataTypes Types = TypedDataTypes.FromJson(Mail.GetProperty("types"));

    [Fact]
    public void Encodes_and_hashes_the_type()
    {
        Assert.Equal("Mail(Person from,Person to,string contents)Person(string name,address wallet)", Types.EncodeType("Mail"));
        Assert.Equal("0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2", Hex.ToHex(Types.TypeHash("Mail")));
    }

    [Fact]
    public void Hashes_domain_and_message()
    {
        Assert.Equal("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f",
            Hex.ToHex(TypedDataHasher.HashDomain(Types, Mail.GetProperty("domain"))));
        Assert.Equal("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e",
            Hex.ToHex(TypedDataHasher.HashStruct("Mail", Types, Mail.GetProperty("message"))));
    }

    [Fact]
    public void Produces_the_published_digest()
    {
        Assert.Equal("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", Hex.ToHex(TypedDataHasher.Hash(TypedDataSamples.MailJson)));
    }

    [Fact]
    public void Building_blocks_give_the_same_digest_without_json()
    {
        var domain = TypedDataHasher.DomainSeparator("Ether Mail", "1", 1, "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC");
        var person = (string name, string wallet) => new StructHashBuilder(Types, "Person").String(name).Address(wallet).ToHash();
        var mail = new StructHashBuilder(Types, "Mail")
            .Struct(person("Cow", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"))
            .Struct(person("Bob", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"))
            .String("Hello, Bob!")
            .ToHash();
        Assert.Equal("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", Hex.ToHex(TypedDataHasher.Digest(domain, mail)));
    }

    [Theory]
    [MemberData(nameof(Recoveries.Names), MemberType = typeof(Recoveries))]
    public void Published_signature_recovers_cow(string implementation)
    {
        var digest = TypedDataHasher.Hash(TypedDataSamples.MailJson);
        var signature = Hex.Parse("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
            + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562" + "1c");
        Assert.Equal("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", EthAddress.ToChecksum(Recoveries.ByName(implementation).RecoverAddress(digest, signature)));
    }

    [Fact]
    public void Signer_reproduces_the_published_signature()
    {
        var signature = Secp256k1Signer.Sign(TypedDataHasher.Hash(TypedDataSamples.MailJson), Keccak256.Hash("cow"));
        Assert.Equal("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
            + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562" + "1c", Hex.ToHex(signature));
    }
}
