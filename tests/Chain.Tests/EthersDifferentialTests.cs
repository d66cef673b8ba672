using System.Numerics;
using System.Text.Json.Nodes;
using Blocktrack.Chain.Tests.Support;

namespace Blocktrack.Chain.Tests;

/// <summary>Cross-checks against ethers.js v6 (deploy/devchain/node_modules); fails, never skips, when it is not installed.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class EthersDifferentialTests
{
    [Fact]
    public void Typed_data_signed_by_ethers_hashes_and_recovers_identically()
    {
        var rng = new Random(712);
        var keys = new Dictionary<int, byte[]>();
        var cases = new JsonArray { new JsonObject { ["typedData"] = TypedDataSamples.Mail(), ["privateKey"] = Hex.ToHex(Keccak256.Hash("cow")) } };
        keys[0] = Keccak256.Hash("cow");
        for (var i = 0; i < 6; i++)
            cases.Add(new JsonObject { ["generate"] = "ballot" });
        for (var i = 0; i < 60; i++)
        {
            var item = new JsonObject { ["typedData"] = TypedDataSamples.Random(rng) };
            // Half the cases sign with a key C# knows, so the signatures can be compared byte for byte.
            if (i % 2 == 0)
            {
                keys[cases.Count] = Secp256k1Signer.NewPrivateKey();
                item["privateKey"] = Hex.ToHex(keys[cases.Count]);
            }
            cases.Add(item);
        }

        var results = EthersScripts.Run("sign-typed-data.mjs", cases).AsArray();

        Assert.Equal(cases.Count, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i]!;
            var typedData = result["typedData"]!.ToJsonString();
            var digest = TypedDataHasher.Hash(typedData);
            var signature = Hex.Parse((string)result["signature"]!);
            Assert.True((string)result["digest"]! == Hex.ToHex(digest), $"case {i}: digest differs for {typedData}");
            foreach (var recovery in Recoveries.All)
                Assert.Equal((string)result["address"]!, EthAddress.ToChecksum(recovery.RecoverAddress(digest, signature)));
            if (keys.TryGetValue(i, out var key))
                Assert.Equal((string)result["signature"]!, Hex.ToHex(Secp256k1Signer.Sign(digest, key)));
        }
        Assert.Equal("Ballot", (string)results[1]!["typedData"]!["primaryType"]!);
    }

    [Fact]
    public void Typed_data_signed_in_CSharp_verifies_in_ethers()
    {
        var rng = new Random(4242);
        var cases = new JsonArray();
        var signers = new List<string>();
        var digests = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var typedData = i < 10
                ? TypedDataSamples.Ballot(EthAddress.ToChecksum(TypedDataSamples.RandomBytes(rng, 20)), $"blocktrack/{i}", i % 3, i % 2 == 0 ? "" : "SDG 4 ✓", (ulong)(1_700_000_000 + i))
                : TypedDataSamples.Random(rng);
            var key = Secp256k1Signer.NewPrivateKey();
            var digest = TypedDataHasher.Hash(typedData.ToJsonString());
            cases.Add(new JsonObject { ["typedData"] = typedData, ["signature"] = Hex.ToHex(Secp256k1Signer.Sign(digest, key)) });
            signers.Add(EthAddress.ToChecksum(Secp256k1Signer.AddressOf(key)));
            digests.Add(Hex.ToHex(digest));
        }

        var results = EthersScripts.Run("verify-typed-data.mjs", cases).AsArray();

        Assert.Equal(cases.Count, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            Assert.True(results[i]!["error"] is null, $"case {i}: ethers refused {cases[i]!["typedData"]!.ToJsonString()}: {results[i]!["error"]}");
            Assert.Equal(digests[i], (string)results[i]!["digest"]!);
            Assert.Equal(signers[i], (string)results[i]!["recovered"]!);
        }
    }

    [Fact]
    public void Keccak_checksums_signatures_and_transactions_match_ethers()
    {
        var rng = new Random(155);
        // Lengths around the 136-byte Keccak rate boundary are where padding bugs hide.
        var inputs = new[] { 0, 1, 31, 32, 135, 136, 137, 271, 272, 273, 1000 }.Select(n => TypedDataSamples.RandomBytes(rng, n)).ToArray();
        var addresses = Enumerable.Range(0, 50).Select(_ => TypedDataSamples.RandomBytes(rng, 20)).ToArray();
        var signatures = Enumerable.Range(0, 50).Select(_ => (Key: Secp256k1Signer.NewPrivateKey(), Digest: TypedDataSamples.RandomBytes(rng, 32))).ToArray();
        var transactions = Enumerable.Range(0, 20).Select(i => (Key: Secp256k1Signer.NewPrivateKey(), Tx: new LegacyTx(
            // ethers keeps nonces as JS numbers, so stay within 2^53.
            Nonce: rng.Next(0, 3) == 0 ? 0 : rng.NextInt64(1, 1L << 53),
            GasPrice: new BigInteger(rng.NextInt64()) * rng.Next(),
            GasLimit: rng.Next(21000, 30_000_000),
            To: i % 5 == 0 ? null : EthAddress.ToLower(TypedDataSamples.RandomBytes(rng, 20)),
            Value: rng.Next(2) == 0 ? 0 : new BigInteger(TypedDataSamples.RandomBytes(rng, 12), isUnsigned: true),
            Data: TypedDataSamples.RandomBytes(rng, rng.Next(0, 120)),
            ChainId: new[] { 1, 42161, 412346, 31337 }[i % 4]))).ToArray();

        var input = new JsonObject
        {
            ["hashes"] = new JsonArray(inputs.Select(b => (JsonNode)Hex.ToHex(b)).ToArray()),
            ["addresses"] = new JsonArray(addresses.Select(a => (JsonNode)EthAddress.ToLower(a)).ToArray()),
            ["signatures"] = new JsonArray(signatures.Select(s => (JsonNode)new JsonObject { ["privateKey"] = Hex.ToHex(s.Key), ["digest"] = Hex.ToHex(s.Digest) }).ToArray()),
            ["transactions"] = new JsonArray(transactions.Select(t => (JsonNode)new JsonObject
            {
                ["privateKey"] = Hex.ToHex(t.Key),
                ["nonce"] = t.Tx.Nonce.ToString(),
                ["gasPrice"] = t.Tx.GasPrice.ToString(),
                ["gasLimit"] = t.Tx.GasLimit.ToString(),
                ["to"] = t.Tx.To,
                ["value"] = t.Tx.Value.ToString(),
                ["data"] = Hex.ToHex(t.Tx.Data),
                ["chainId"] = t.Tx.ChainId.ToString(),
            }).ToArray()),
        };

        var output = EthersScripts.Run("primitives.mjs", input);

        Assert.Equal(inputs.Select(b => Hex.ToHex(Keccak256.Hash(b))), output["hashes"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(addresses.Select(a => EthAddress.ToChecksum(a)), output["addresses"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(signatures.Select(s => Hex.ToHex(Secp256k1Signer.Sign(s.Digest, s.Key))), output["signatures"]!.AsArray().Select(n => (string)n!));
        for (var i = 0; i < transactions.Length; i++)
        {
            var expected = output["transactions"]![i]!;
            var (key, tx) = transactions[i];
            // Nethereum signs, as it does the executor's transactions; ethers is the reference.
            var signed = NethereumTransactions.Legacy(key, tx.ChainId, tx.Nonce, tx.GasPrice, tx.GasLimit, tx.To, tx.Value, tx.Data);
            Assert.Equal((string)expected["unsignedHash"]!, signed.UnsignedHash);
            Assert.Equal((string)expected["raw"]!, signed.Raw);
            Assert.Equal((string)expected["hash"]!, signed.Hash);
        }
    }

    private sealed record LegacyTx(long Nonce, BigInteger GasPrice, long GasLimit, string? To, BigInteger Value, byte[] Data, long ChainId);
}
