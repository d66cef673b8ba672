namespace Blocktrack.Chain.Tests;

/// <summary>Examples from the RLP specification in the Ethereum yellow paper and wiki.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class RlpTests
{
    [Fact]
    public void Encodes_strings()
    {
        Assert.Equal("0x83646f67", Hex.ToHex(Rlp.EncodeBytes("dog"u8)));
        Assert.Equal("0x80", Hex.ToHex(Rlp.EncodeBytes([])));
        Assert.Equal("0x0f", Hex.ToHex(Rlp.EncodeBytes([0x0f])));
        Assert.Equal("0x8180", Hex.ToHex(Rlp.EncodeBytes([0x80])));
        var lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit"u8;
        Assert.Equal("0xb838" + Convert.ToHexStringLower(lorem), Hex.ToHex(Rlp.EncodeBytes(lorem)));
    }

    [Fact]
    public void Encodes_integers_minimally()
    {
        Assert.Equal("0x80", Hex.ToHex(Rlp.EncodeUInt(0)));
        Assert.Equal("0x0f", Hex.ToHex(Rlp.EncodeUInt(15)));
        Assert.Equal("0x820400", Hex.ToHex(Rlp.EncodeUInt(1024)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rlp.EncodeUInt(-1));
    }

    [Fact]
    public void Encodes_lists()
    {
        Assert.Equal("0xc0", Hex.ToHex(Rlp.EncodeList([])));
        Assert.Equal("0xc88363617483646f67", Hex.ToHex(Rlp.EncodeList([Rlp.EncodeBytes("cat"u8), Rlp.EncodeBytes("dog"u8)])));
        // The set-theoretic representation of three: [ [], [[]], [ [], [[]] ] ].
        var empty = Rlp.EncodeList([]);
        var one = Rlp.EncodeList([empty]);
        Assert.Equal("0xc7c0c1c0c3c0c1c0", Hex.ToHex(Rlp.EncodeList([empty, one, Rlp.EncodeList([empty, one])])));
        var longList = Rlp.EncodeList(Enumerable.Repeat(Rlp.EncodeBytes("dog"u8), 20).ToArray());
        Assert.Equal("0xf850", Hex.ToHex(longList.AsSpan(0, 2)));
    }
}
