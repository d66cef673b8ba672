using System.Numerics;

namespace Blocktrack.Chain.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class LegacyTransactionTests
{
    // The worked example in EIP-155.
    private static readonly LegacyTransaction Example = new(
        Nonce: 9,
        GasPrice: 20_000_000_000,
        GasLimit: 21000,
        To: "0x3535353535353535353535353535353535353535",
        Value: BigInteger.Pow(10, 18),
        Data: [],
        ChainId: 1);

    private static readonly byte[] Key = Hex.Parse("0x" + string.Concat(Enumerable.Repeat("46", 32)));

    [Fact]
    public void Produces_the_EIP155_signing_hash()
    {
        Assert.Equal("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", Hex.ToHex(Example.SigningHash()));
    }

    [Fact]
    public void Produces_the_EIP155_signed_transaction()
    {
        var signed = Example.Sign(Key);
        Assert.Equal(
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025"
            + "a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"
            + "a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            signed.RawHex);
        Assert.Equal(Hex.ToHex(Keccak256.Hash(signed.Raw)), signed.HashHex);
    }

    [Fact]
    public void Contract_creation_has_an_empty_to()
    {
        var deploy = Example with { To = null, Data = [0x60, 0x00] };
        Assert.NotEqual(Example.SigningHash(), deploy.SigningHash());
        Assert.Throws<InvalidOperationException>(() => (Example with { ChainId = 0 }).Sign(Key));
    }
}
