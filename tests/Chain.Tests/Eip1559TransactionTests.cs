using System.Numerics;
using System.Text.Json.Nodes;
using Blocktrack.Chain.Tests.Support;

namespace Blocktrack.Chain.Tests;

/// <summary>Type 2 transactions signed in C# are byte-identical to ethers v6's.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class Eip1559TransactionTests
{
    [Fact]
    public void Signed_type_2_transactions_match_ethers()
    {
        var rng = new Random(1559);
        var cases = Enumerable.Range(0, 30).Select(i =>
        {
            var maxFee = new BigInteger(rng.NextInt64(1, long.MaxValue)) * rng.Next(1, 1000);
            return (Key: Secp256k1Signer.NewPrivateKey(), Tx: new Eip1559Transaction(
                ChainId: new[] { 1, 42161, 412346, 412347, 31337 }[i % 5],
                Nonce: i % 4 == 0 ? 0 : rng.NextInt64(1, 1L << 53),
                MaxPriorityFeePerGas: i % 3 == 0 ? 0 : maxFee / rng.Next(1, 10),
                MaxFeePerGas: maxFee,
                GasLimit: rng.Next(21000, 30_000_000),
                To: i % 6 == 0 ? null : EthAddress.ToLower(TypedDataSamples.RandomBytes(rng, 20)),
                Value: rng.Next(2) == 0 ? 0 : new BigInteger(TypedDataSamples.RandomBytes(rng, 12), isUnsigned: true),
                Data: TypedDataSamples.RandomBytes(rng, rng.Next(0, 200))));
        }).ToArray();

        var input = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
        {
            ["privateKey"] = Hex.ToHex(c.Key),
            ["chainId"] = c.Tx.ChainId.ToString(),
            ["nonce"] = c.Tx.Nonce.ToString(),
            ["maxPriorityFeePerGas"] = c.Tx.MaxPriorityFeePerGas.ToString(),
            ["maxFeePerGas"] = c.Tx.MaxFeePerGas.ToString(),
            ["gasLimit"] = c.Tx.GasLimit.ToString(),
            ["to"] = c.Tx.To,
            ["value"] = c.Tx.Value.ToString(),
            ["data"] = Hex.ToHex(c.Tx.Data),
        }).ToArray());

        var output = EthersScripts.Run("transactions.mjs", input).AsArray();

        for (var i = 0; i < cases.Length; i++)
        {
            var signed = cases[i].Tx.Sign(cases[i].Key);
            Assert.Equal((string)output[i]!["unsignedHash"]!, Hex.ToHex(cases[i].Tx.SigningHash()));
            Assert.Equal((string)output[i]!["raw"]!, signed.RawHex);
            Assert.Equal((string)output[i]!["hash"]!, signed.HashHex);
            Assert.Equal((string)output[i]!["from"]!, Secp256k1Signer.AddressOf(cases[i].Key));
        }
    }

    [Fact]
    public void A_priority_fee_above_the_fee_cap_is_refused_before_signing()
    {
        var tx = new Eip1559Transaction(1, 0, MaxPriorityFeePerGas: 2, MaxFeePerGas: 1, 21000, null, 0, []);
        Assert.Throws<InvalidOperationException>(() => tx.Sign(Secp256k1Signer.NewPrivateKey()));
    }
}
