namespace Blocktrack.Chain.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class EthAddressTests
{
    // The examples listed in EIP-55.
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Produces_the_EIP55_checksums(string checksummed)
    {
        var bytes = EthAddress.Parse(checksummed.ToLowerInvariant());
        Assert.Equal(checksummed, EthAddress.ToChecksum(bytes));
        Assert.Equal(checksummed, EthAddress.ToChecksum(checksummed.ToLowerInvariant()));
        Assert.True(EthAddress.IsValid(checksummed));
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    public void Normalizes_every_accepted_spelling_to_lower_case(string input)
    {
        Assert.True(EthAddress.TryNormalize(input, out var lower));
        Assert.Equal("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", lower);
        Assert.Equal(lower, EthAddress.Normalize(input));
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "checksum")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", "40 hex digits")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "40 hex digits")]
    [InlineData("0X5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "40 hex digits")]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg", "non-hex character 'g'")]
    [InlineData("", "40 hex digits")]
    public void Rejects_invalid_addresses(string input, string expected)
    {
        Assert.False(EthAddress.TryNormalize(input, out var lower));
        Assert.Equal("", lower);
        Assert.Contains(expected, Assert.Throws<FormatException>(() => EthAddress.Parse(input)).Message);
    }

    [Fact]
    public void Rejects_null()
    {
        Assert.False(EthAddress.TryNormalize(null, out _));
        Assert.False(EthAddress.IsValid(null));
    }

    [Fact]
    public void Derives_the_address_from_a_public_key()
    {
        // keccak256("cow") is the signer key in the EIP-712 example.
        var key = Keccak256.Hash("cow");
        var publicKey = Secp256k1Signer.PublicKey(key);
        Assert.Equal(64, publicKey.Length);
        Assert.Equal("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", EthAddress.ToChecksum(EthAddress.FromPublicKey(publicKey)));
        Assert.Equal(EthAddress.FromPublicKey(publicKey), EthAddress.FromPublicKey([0x04, .. publicKey]));
        Assert.Throws<ArgumentException>(() => EthAddress.FromPublicKey(publicKey[1..]));
    }
}
