using System.Numerics;
using System.Text.Json.Nodes;
using Blocktrack.Chain.Tests.Support;

namespace Blocktrack.Chain.Tests;

/// <summary>Type 2 transactions signed by Nethereum (as the executor sends them) are byte-identical to ethers v6's.</summary>
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
            return (Key: Secp256k1Signer.NewPrivateKey(), Tx: new Tx1559(
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
            var t = cases[i].Tx;
            var signed = NethereumTransactions.Eip1559(
                cases[i].Key, t.ChainId, t.Nonce, t.MaxPriorityFeePerGas, t.MaxFeePerGas, t.GasLimit, t.To, t.Value, t.Data);
            Assert.Equal((string)output[i]!["unsignedHash"]!, signed.UnsignedHash);
            Assert.Equal((string)output[i]!["raw"]!, signed.Raw);
            Assert.Equal((string)output[i]!["hash"]!, signed.Hash);
            Assert.Equal((string)output[i]!["from"]!, Secp256k1Signer.AddressOf(cases[i].Key));
        }
    }

    [Fact]
    public void A_type_2_transaction_signed_by_nethereum_recovers_its_sender_with_our_strict_recovery()
    {
        var key = Secp256k1Signer.NewPrivateKey();
        var signed = NethereumTransactions.Eip1559(key, 412346, 7, 1_000_000_000, 100_000_000_000, 21_000, null, 0, []);
        var signature = ((Nethereum.Model.Transaction1559)Nethereum.Model.TransactionFactory.CreateTransaction(signed.Raw)).Signature;
        // RLP drops leading zero bytes of r and s, and a y-parity of 0 is the empty string.
        byte[] rsv = [.. Word(signature.R), .. Word(signature.S), (byte)(27 + (signature.V is [] ? 0 : signature.V[0]))];
        var recovered = Recoveries.Native.RecoverAddress(Hex.Parse(signed.UnsignedHash), rsv);
        Assert.Equal(Secp256k1Signer.AddressOf(key), EthAddress.ToLower(recovered));
    }

    private static byte[] Word(byte[] value) => [.. new byte[32 - value.Length], .. value];

    private sealed record Tx1559(
        long ChainId, long Nonce, BigInteger MaxPriorityFeePerGas, BigInteger MaxFeePerGas, long GasLimit, string? To, BigInteger Value,
        byte[] Data);
}
