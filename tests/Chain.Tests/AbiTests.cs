using System.Numerics;
using Blocktrack.Chain.Abi;

namespace Blocktrack.Chain.Tests;

/// <summary>ABI vectors from the Solidity documentation and well-known contracts, plus the decoder's strictness.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class AbiTests
{
    private static string Words(params string[] words) => string.Concat(words);

    [Theory]
    [InlineData("transfer(address,uint256)", "0xa9059cbb")]
    [InlineData("function balanceOf(address owner) view returns (uint256)", "0x70a08231")]
    [InlineData("getPastVotes(address account, uint256 timepoint)", "0x3a46b1a8")]
    [InlineData("baz(uint32,bool)", "0xcdcd77c0")]
    [InlineData("sam(bytes,bool,uint256[])", "0xa5643bf2")]
    public void Selectors_are_the_first_four_bytes_of_the_signature_hash(string signature, string selector) =>
        Assert.Equal(selector, AbiFunction.Parse(signature).SelectorHex);

    [Fact]
    public void Event_topics_hash_the_canonical_signature()
    {
        var transfer = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");
        Assert.Equal("Transfer(address,address,uint256)", transfer.Signature);
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", transfer.Topic0Hex);
        Assert.Equal([true, true, false], transfer.Inputs.Select(p => p.Indexed));
    }

    [Fact]
    public void Solidity_documentation_examples_encode_exactly()
    {
        var baz = AbiFunction.Parse("baz(uint32 x, bool y)").EncodeCall(69, true);
        Assert.Equal("0xcdcd77c0" + Words(
            "0000000000000000000000000000000000000000000000000000000000000045",
            "0000000000000000000000000000000000000000000000000000000000000001"), Hex.ToHex(baz));

        var sam = AbiFunction.Parse("sam(bytes,bool,uint256[])").EncodeCall("0x64617665", true, new[] { 1, 2, 3 });
        Assert.Equal("0xa5643bf2" + Words(
            "0000000000000000000000000000000000000000000000000000000000000060",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "00000000000000000000000000000000000000000000000000000000000000a0",
            "0000000000000000000000000000000000000000000000000000000000000004",
            "6461766500000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000003",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000003"), Hex.ToHex(sam));

        // f(uint256,uint32[],bytes10,bytes) from the same page: dynamic values go to the tail in order.
        var f = AbiFunction.Parse("f(uint256,uint32[],bytes10,bytes)")
            .EncodeCall(0x123, new uint[] { 0x456, 0x789 }, "0x31323334353637383930", System.Text.Encoding.ASCII.GetBytes("Hello, world!"));
        Assert.Equal("0x8be65246" + Words(
            "0000000000000000000000000000000000000000000000000000000000000123",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "3132333435363738393000000000000000000000000000000000000000000000",
            "00000000000000000000000000000000000000000000000000000000000000e0",
            "0000000000000000000000000000000000000000000000000000000000000002",
            "0000000000000000000000000000000000000000000000000000000000000456",
            "0000000000000000000000000000000000000000000000000000000000000789",
            "000000000000000000000000000000000000000000000000000000000000000d",
            "48656c6c6f2c20776f726c642100000000000000000000000000000000000000"), Hex.ToHex(f));
    }

    [Fact]
    public void Tuples_accept_value_tuples_and_decode_to_arrays()
    {
        var type = AbiType.Parse("(address to, uint96 amount, string memo)[]");
        var to = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
        var data = AbiEncoder.EncodeSingle(type, new[] { (to, 5, "first"), (to, 7, "") });
        var decoded = (object?[])AbiDecoder.DecodeSingle(type, data)!;
        Assert.Equal(2, decoded.Length);
        var first = (object?[])decoded[0]!;
        Assert.Equal(to.ToLowerInvariant(), first[0]);
        Assert.Equal(new BigInteger(5), first[1]);
        Assert.Equal("first", first[2]);
        Assert.Equal(["to", "amount", "memo"], type.Element!.Components.Select(c => c.Name));
    }

    [Fact]
    public void Negative_integers_sign_extend_and_round_trip()
    {
        var data = AbiEncoder.Encode([AbiType.Int(8), AbiType.Int(256)], [-1, BigInteger.Parse("-57896044618658097711785492504343953926634992332820282019728792003956564819968")]);
        Assert.Equal("0x" + new string('f', 64) + "8" + new string('0', 63), Hex.ToHex(data));
        Assert.Equal([new BigInteger(-1), -(BigInteger.One << 255)], AbiDecoder.Decode([AbiType.Int(8), AbiType.Int(256)], data).Cast<BigInteger>());
    }

    [Theory]
    [InlineData("uint7")]
    [InlineData("uint264")]
    [InlineData("bytes0")]
    [InlineData("bytes33")]
    [InlineData("int08")]
    [InlineData("uint256[")]
    [InlineData("uint256[0]")]
    [InlineData("(uint256,")]
    [InlineData("fixed128x18")]
    [InlineData("")]
    public void Unknown_or_malformed_types_are_refused(string type) => Assert.Throws<AbiException>(() => AbiType.Parse(type));

    [Fact]
    public void Values_that_do_not_fit_are_refused()
    {
        Assert.Throws<AbiException>(() => AbiEncoder.EncodeSingle(AbiType.UInt(8), 256));
        Assert.Throws<AbiException>(() => AbiEncoder.EncodeSingle(AbiType.UInt256, -1));
        Assert.Throws<AbiException>(() => AbiEncoder.EncodeSingle(AbiType.Int(8), -129));
        Assert.Throws<AbiException>(() => AbiEncoder.EncodeSingle(AbiType.FixedBytes(4), new byte[3]));
        Assert.Throws<AbiException>(() => AbiEncoder.EncodeSingle(AbiType.Address, "0x1234"));
        Assert.Throws<AbiException>(() => AbiEncoder.EncodeSingle(AbiType.FixedArrayOf(AbiType.Bool, 2), new[] { true }));
        Assert.Throws<AbiException>(() => AbiEncoder.EncodeSingle(AbiType.String, 5));
        Assert.Throws<AbiException>(() => AbiEncoder.Encode([AbiType.Bool, AbiType.Bool], [true]));
    }

    [Fact]
    public void Dirty_or_lying_data_is_refused_when_decoding()
    {
        var dirtyAddress = Hex.Parse("0x01" + new string('0', 62));
        Assert.Throws<AbiException>(() => AbiDecoder.DecodeSingle(AbiType.Address, dirtyAddress));
        Assert.Throws<AbiException>(() => AbiDecoder.DecodeSingle(AbiType.Bool, AbiEncoder.EncodeSingle(AbiType.UInt256, 2)));
        Assert.Throws<AbiException>(() => AbiDecoder.DecodeSingle(AbiType.UInt(8), AbiEncoder.EncodeSingle(AbiType.UInt256, 256)));
        Assert.Throws<AbiException>(() => AbiDecoder.DecodeSingle(AbiType.Bytes, AbiEncoder.EncodeSingle(AbiType.UInt256, 0x40)));
        // An array claiming 2^32 elements in 96 bytes must fail fast rather than allocate.
        var hugeArray = AbiEncoder.Encode([AbiType.UInt256, AbiType.UInt256, AbiType.UInt256], [0x20, uint.MaxValue, 1]);
        Assert.Throws<AbiException>(() => AbiDecoder.DecodeSingle(AbiType.ArrayOf(AbiType.UInt256), hugeArray));
        Assert.Throws<AbiException>(() => AbiDecoder.DecodeSingle(AbiType.UInt256, new byte[31]));
    }

    [Fact]
    public void Revert_data_decodes_error_strings_and_panics()
    {
        var error = RevertReason.Decode(Hex.Parse("0x08c379a0" + Words(
            "0000000000000000000000000000000000000000000000000000000000000020",
            "000000000000000000000000000000000000000000000000000000000000001a",
            "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000")));
        Assert.Equal("Not enough Ether provided.", error.Message);

        var panic = RevertReason.Decode(Hex.Parse("0x4e487b71" + "0000000000000000000000000000000000000000000000000000000000000011"));
        Assert.Equal(new BigInteger(0x11), panic.PanicCode);
        Assert.Equal("panic 0x11 (arithmetic overflow or underflow)", panic.ToString());

        var custom = RevertReason.Decode(AbiError.Parse("error NotPublisher(address account)").Selector.Concat(new byte[32]).ToArray());
        Assert.Equal(Hex.ToHex(AbiError.Parse("NotPublisher(address)").Selector), custom.CustomErrorSelector);
        Assert.Equal("reverted without a reason", RevertReason.Decode([]).ToString());
    }

    [Fact]
    public void Abi_json_entries_keep_tuple_member_names_and_array_suffixes()
    {
        var abi = ContractAbi.Parse("""
            [
              {"type":"constructor","inputs":[{"name":"owner","type":"address"}]},
              {"type":"function","name":"resultOf","stateMutability":"view","inputs":[{"name":"id","type":"string"}],
               "outputs":[{"name":"","type":"tuple[2][]","components":[{"name":"state","type":"uint8"},{"name":"hash","type":"bytes32"}]}]},
              {"type":"event","name":"Recorded","anonymous":false,"inputs":[{"name":"key","type":"bytes32","indexed":true},{"name":"id","type":"string","indexed":false}]},
              {"type":"error","name":"Nope","inputs":[{"name":"who","type":"address"}]},
              {"type":"receive","stateMutability":"payable"}
            ]
            """);
        var function = abi.Function("resultOf");
        Assert.True(function.IsReadOnly);
        var output = function.Outputs[0].Type;
        Assert.Equal("(uint8,bytes32)[2][]", output.Canonical);
        Assert.Equal(["state", "hash"], output.Element!.Element!.Components.Select(c => c.Name));
        Assert.Equal("Recorded(bytes32,string)", abi.Event("Recorded").Signature);
        Assert.Equal("Nope(address)", abi.Error("Nope").Signature);
        Assert.Equal("owner", abi.ConstructorInputs.Single().Name);
        Assert.Throws<AbiException>(() => abi.Function("missing"));
    }
}
