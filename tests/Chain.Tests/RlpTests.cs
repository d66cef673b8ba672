using System.Numerics;
using Nethereum.RLP;

namespace Blocktrack.Chain.Tests;

/// <summary>Nethereum's RLP against the examples of the RLP specification in the Ethereum yellow paper and wiki.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class RlpTests
{
    [Fact]
    public void Encodes_strings()
    {
        Assert.Equal("0x83646f67", Hex.ToHex(RLP.EncodeElement("dog"u8.ToArray())));
        Assert.Equal("0x80", Hex.ToHex(RLP.EncodeElement([])));
        Assert.Equal("0x0f", Hex.ToHex(RLP.EncodeElement([0x0f])));
        Assert.Equal("0x8180", Hex.ToHex(RLP.EncodeElement([0x80])));
        var lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit"u8.ToArray();
        Assert.Equal("0xb838" + Convert.ToHexStringLower(lorem), Hex.ToHex(RLP.EncodeElement(lorem)));
    }

    [Fact]
    public void Encodes_integers_minimally()
    {
        Assert.Equal("0x80", Hex.ToHex(RLP.EncodeElement(BigInteger.Zero.ToBytesForRLPEncoding())));
        Assert.Equal("0x0f", Hex.ToHex(RLP.EncodeElement(new BigInteger(15).ToBytesForRLPEncoding())));
        Assert.Equal("0x820400", Hex.ToHex(RLP.EncodeElement(new BigInteger(1024).ToBytesForRLPEncoding())));
    }

    [Fact]
    public void Encodes_lists()
    {
        Assert.Equal("0xc0", Hex.ToHex(RLP.EncodeList()));
        var catDog = RLP.EncodeList(RLP.EncodeElement("cat"u8.ToArray()), RLP.EncodeElement("dog"u8.ToArray()));
        Assert.Equal("0xc88363617483646f67", Hex.ToHex(catDog));
        // The set-theoretic representation of three: [ [], [[]], [ [], [[]] ] ].
        var empty = RLP.EncodeList();
        var one = RLP.EncodeList(empty);
        Assert.Equal("0xc7c0c1c0c3c0c1c0", Hex.ToHex(RLP.EncodeList(empty, one, RLP.EncodeList(empty, one))));
        var longList = RLP.EncodeList([.. Enumerable.Repeat(RLP.EncodeElement("dog"u8.ToArray()), 20)]);
        Assert.Equal("0xf850", Hex.ToHex(longList.AsSpan(0, 2)));
    }
}
