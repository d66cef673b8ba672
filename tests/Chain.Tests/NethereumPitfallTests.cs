using System.Numerics;
using Blocktrack.Chain.Abi;
using Blocktrack.Chain.Tests.Support;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.EIP712;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Signer;
using Nethereum.Util;

namespace Blocktrack.Chain.Tests;

/// <summary>
/// Nethereum as a second reference where it is right, and the places where it is not, each pinned: the reasons
/// Chain/ keeps its own recovery and EIP-712 hashing and guards the ABI calls it makes through Nethereum.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class NethereumPitfallTests
{
    private static readonly BigInteger N =
        BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    [Fact]
    public void Keccak_and_low_s_recovery_agree_with_nethereum()
    {
        var rng = new Random(2026);
        foreach (var length in new[] { 0, 1, 135, 136, 137, 1000 })
        {
            var bytes = TypedDataSamples.RandomBytes(rng, length);
            Assert.Equal(Sha3Keccack.Current.CalculateHash(bytes), Keccak256.Hash(bytes));
        }
        for (var i = 0; i < 20; i++)
        {
            var (key, hash) = (Secp256k1Signer.NewPrivateKey(), TypedDataSamples.RandomBytes(rng, 32));
            var signature = Secp256k1Signer.Sign(hash, key);
            Assert.Equal(Nethereum(hash, signature), EthAddress.ToLower(Recoveries.Native.RecoverAddress(hash, signature)));
        }
    }

    [Fact]
    public void A_high_s_signature_recovers_in_nethereum_but_is_refused_by_ours()
    {
        var key = Secp256k1Signer.NewPrivateKey();
        var hash = Keccak256.Hash("malleable");
        var signature = Secp256k1Signer.Sign(hash, key);
        // (r, n − s, v flipped): the mathematically valid twin that EIP-2 outlaws, and a replayed ballot would use.
        var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        (N - s).TryWriteBytes(signature.AsSpan(32, 32), out _, isUnsigned: true, isBigEndian: true);
        signature[64] = (byte)(55 - signature[64]);

        Assert.Equal(Secp256k1Signer.AddressOf(key), Nethereum(hash, signature));
        foreach (var recovery in Recoveries.All)
            Assert.Equal(SignatureError.HighS, Assert.Throws<SignatureException>(() => recovery.RecoverAddress(hash, signature)).Error);
    }

    [Fact]
    public void Typed_data_digests_agree_with_nethereum_where_it_can_encode()
    {
        var encoder = new Eip712TypedDataEncoder();
        Assert.Equal(TypedDataHasher.Hash(TypedDataSamples.MailJson), encoder.EncodeAndHashTypedData(TypedDataSamples.MailJson));
        for (var i = 0; i < 5; i++)
        {
            var voter = EthAddress.ToLower(Keccak256.Hash($"voter {i}").AsSpan(12));
            var ballot = TypedDataSamples.Ballot(voter, $"blocktrack/{i}", i % 3, $"reason {i}", 1_700_000_000UL + (ulong)i).ToJsonString();
            Assert.Equal(TypedDataHasher.Hash(ballot), encoder.EncodeAndHashTypedData(ballot));
        }
    }

    [Fact]
    public void Bytes32_arrays_in_typed_data_throw_in_nethereum_and_hash_by_the_rules_in_ours()
    {
        var tags = new[] { Keccak256.Hash("sdg-4"), Keccak256.Hash("sdg-8") };
        var json = $$$"""
            {"types": {"EIP712Domain": [{"name":"name","type":"string"}],
                       "Person": [{"name":"name","type":"string"},{"name":"wallet","type":"address"},{"name":"tags","type":"bytes32[]"}]},
             "primaryType": "Person", "domain": {"name": "x"},
             "message": {"name": "Cow", "wallet": "0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826",
                         "tags": ["{{{Hex.ToHex(tags[0])}}}", "{{{Hex.ToHex(tags[1])}}}"]}}
            """;
        Assert.ThrowsAny<Exception>(() => new Eip712TypedDataEncoder().EncodeAndHashTypedData(json));

        // EIP-712 by hand: an array is the keccak256 of its encoded elements, concatenated.
        byte[] wallet = [.. new byte[12], .. Hex.Parse("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826")];
        var typeHash = Keccak256.Hash("Person(string name,address wallet,bytes32[] tags)");
        var person = Keccak256.Hash([.. typeHash, .. Keccak256.Hash("Cow"), .. wallet, .. Keccak256.Hash([.. tags[0], .. tags[1]])]);
        var domain = Keccak256.Hash([.. Keccak256.Hash("EIP712Domain(string name)"), .. Keccak256.Hash("x")]);
        Assert.Equal(Hex.ToHex(Keccak256.Hash([0x19, 0x01, .. domain, .. person])), Hex.ToHex(TypedDataHasher.Hash(json)));
    }

    [Fact]
    public void A_tuple_array_given_as_a_list_encodes_wrongly_in_nethereum_and_like_ethers_in_ours()
    {
        var f = ABIDeserialiserFactory.DeserialiseContractABI("function f((address,uint256)[] xs)").Functions[0];
        var one = "0x0000000000000000000000000000000000000001";
        var encoder = new FunctionCallEncoder();
        var asArrays = encoder.EncodeRequest(f.Sha3Signature, f.InputParameters, [new object[] { new object[] { one, BigInteger.One * 2 } }]);
        var asLists = encoder.EncodeRequest(f.Sha3Signature, f.InputParameters,
            [new List<object> { new List<object> { one, BigInteger.One * 2 } }]);
        Assert.NotEqual(asArrays, asLists);
        // abi.encode of [(0x…01, 2)], as ethers writes it: offset, length, then the tuple.
        Assert.Equal("0x" + f.Sha3Signature + Words(0x20, 1, 1, 2), asArrays);

        var ours = AbiFunction.Parse("f((address,uint256)[] xs)");
        Assert.Equal(asArrays, Hex.ToHex(ours.EncodeCall(new List<object> { new List<object> { one, 2 } })));
        Assert.Equal(asArrays, Hex.ToHex(ours.EncodeCall(new[] { (one, 2) })));
    }

    [Fact]
    public void Nethereums_signature_parser_misreads_a_two_dimensional_tuple_array_and_ours_refuses_it()
    {
        var misread = ABIDeserialiserFactory.DeserialiseContractABI("function f((uint8,uint16)[2][] x)").Functions[0];
        Assert.Equal("f((uint8,uint16)[])", misread.Signature);
        Assert.Throws<AbiException>(() => AbiFunction.Parse("function f((uint8,uint16)[2][] x)"));
    }

    [Fact]
    public void Nethereums_decoder_takes_a_dirty_address_word_and_ours_refuses_it()
    {
        var f = ABIDeserialiserFactory.DeserialiseContractABI("function f() returns (address)").Functions[0];
        var dirty = Hex.Parse("0x01" + new string('0', 62));
        var decoded = new FunctionCallDecoder().DecodeDefaultData(dirty, f.OutputParameters)[0].Result;
        Assert.Equal("0x0000000000000000000000000000000000000000", (string)decoded);
        Assert.Throws<AbiException>(() => AbiFunction.Parse("function f() returns (address)").DecodeOutput(dirty));
    }

    private static string Nethereum(byte[] hash, byte[] signature) =>
        EthECKey.RecoverFromSignature(EthECDSASignatureFactory.FromComponents(signature[..32], signature[32..64], signature[64]), hash)
            .GetPublicAddress().ToLowerInvariant();

    private static string Words(params int[] words) =>
        string.Concat(words.Select(w => w.ToString("x64", System.Globalization.CultureInfo.InvariantCulture)));
}
