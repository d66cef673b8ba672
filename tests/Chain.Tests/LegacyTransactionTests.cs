using System.Numerics;
using Blocktrack.Chain.Tests.Support;

namespace Blocktrack.Chain.Tests;

/// <summary>Nethereum's legacy (EIP-155) signer against the worked example in EIP-155.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class LegacyTransactionTests
{
    private static readonly byte[] Key = Hex.Parse("0x" + string.Concat(Enumerable.Repeat("46", 32)));

    private static NethereumTransactions.Signed Example(string? to = "0x3535353535353535353535353535353535353535", byte[]? data = null) =>
        NethereumTransactions.Legacy(Key, 1, 9, 20_000_000_000, 21000, to, BigInteger.Pow(10, 18), data ?? []);

    [Fact]
    public void Produces_the_EIP155_signing_hash() =>
        Assert.Equal("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", Example().UnsignedHash);

    [Fact]
    public void Produces_the_EIP155_signed_transaction()
    {
        var signed = Example();
        Assert.Equal(
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025"
            + "a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"
            + "a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            signed.Raw);
        Assert.Equal(Hex.ToHex(Keccak256.Hash(Hex.Parse(signed.Raw))), signed.Hash);
    }

    [Fact]
    public void Contract_creation_has_an_empty_to() =>
        Assert.NotEqual(Example().UnsignedHash, Example(to: null, data: [0x60, 0x00]).UnsignedHash);
}
