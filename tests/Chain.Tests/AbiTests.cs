using System.Numerics;
using Blocktrack.Chain.Abi;
using Nethereum.ABI.FunctionEncoding;

namespace Blocktrack.Chain.Tests;

/// <summary>ABI vectors from the Solidity documentation and well-known contracts, through our calls over Nethereum.</summary>
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
        Assert.Equal("Transfer(address,address,uint256)", transfer.Definition.Signature);
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", transfer.Topic0Hex);
        Assert.Equal([true, true, false], transfer.Definition.InputParameters.Select(p => p.Indexed));
    }

    [Fact]
    public void Solidity_documentation_examples_encode_exactly()
    {
        var baz = AbiFunction.Parse("baz(uint32 x, bool y)").EncodeCall(69, true);
        Assert.Equal("0xcdcd77c0" + Words(
            "0000000000000000000000000000000000000000000000000000000000000045",
            "0000000000000000000000000000000000000000000000000000000000000001"), Hex.ToHex(baz));

        var sam = AbiFunction.Parse("sam(bytes,bool,uint256[])").EncodeCall(Hex.Parse("0x64617665"), true, new[] { 1, 2, 3 });
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
            .EncodeCall(0x123, new uint[] { 0x456, 0x789 }, Hex.Parse("0x31323334353637383930"), "Hello, world!"u8.ToArray());
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
        var to = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
        var f = AbiFunction.Parse("f((address to, uint96 amount, string memo)[] items)");
        var data = f.EncodeCall(new[] { (to, 5, "first"), (to, 7, "") });
        var decoded = (object?[])AbiFunction.Parse("function f() returns ((address,uint96,string)[])").DecodeOutput(data.AsSpan(4))[0]!;
        Assert.Equal(2, decoded.Length);
        var first = (object?[])decoded[0]!;
        Assert.Equal(to.ToLowerInvariant(), first[0]);
        Assert.Equal(new BigInteger(5), first[1]);
        Assert.Equal("first", first[2]);
    }

    [Fact]
    public void Negative_integers_sign_extend_and_round_trip()
    {
        var data = AbiFunction.Parse("f(int8,int256)").EncodeCall(-1, -(BigInteger.One << 255));
        Assert.Equal("0x" + new string('f', 64) + "8" + new string('0', 63), Hex.ToHex(data.AsSpan(4)));
        var decoded = AbiFunction.Parse("function f() returns (int8,int256)").DecodeOutput(data.AsSpan(4));
        Assert.Equal([new BigInteger(-1), -(BigInteger.One << 255)], decoded.Cast<BigInteger>());
    }

    [Theory]
    [InlineData("f((uint8,uint16)[2][])")]
    [InlineData("f((uint8,(bool,string)))")]
    [InlineData("f(uint7)")]
    [InlineData("f(uint264)")]
    [InlineData("f(bytes0)")]
    [InlineData("f(bytes33)")]
    [InlineData("f(int08)")]
    [InlineData("f(uint256[)")]
    [InlineData("f(uint256[0])")]
    [InlineData("f((uint256,)")]
    [InlineData("f(fixed128x18)")]
    [InlineData("")]
    public void Unknown_malformed_or_misread_types_are_refused(string signature) =>
        Assert.Throws<AbiException>(() => AbiFunction.Parse(signature));

    [Fact]
    public void Values_that_do_not_fit_are_refused()
    {
        Assert.Throws<AbiException>(() => AbiFunction.Parse("f(uint8)").EncodeCall(256));
        Assert.Throws<AbiException>(() => AbiFunction.Parse("f(uint256)").EncodeCall(-1));
        Assert.Throws<AbiException>(() => AbiFunction.Parse("f(int8)").EncodeCall(-129));
        Assert.Throws<AbiException>(() => AbiFunction.Parse("f(bytes4)").EncodeCall(new byte[5]));
        Assert.Throws<AbiException>(() => AbiFunction.Parse("f(address)").EncodeCall("0x1234"));
        Assert.Throws<AbiException>(() => AbiFunction.Parse("f(bool[2])").EncodeCall(new[] { true }));
        Assert.Throws<AbiException>(() => AbiFunction.Parse("f(string)").EncodeCall(5));
        Assert.Throws<AbiException>(() => AbiFunction.Parse("f(bool,bool)").EncodeCall(true));
    }

    [Fact]
    public void Dirty_or_lying_data_is_refused_when_decoding()
    {
        static object?[] Decode(string type, byte[] data) => AbiFunction.Parse($"function f() returns ({type})").DecodeOutput(data);
        var word = (BigInteger v) => AbiFunction.Parse("f(uint256)").EncodeCall(v)[4..];
        Assert.Throws<AbiException>(() => Decode("address", Hex.Parse("0x01" + new string('0', 62))));
        Assert.Throws<AbiException>(() => Decode("bool", word(2)));
        Assert.Throws<AbiException>(() => Decode("uint8", word(256)));
        Assert.Throws<AbiException>(() => Decode("bytes", word(0x40)));
        // An array claiming 2^32 elements in 96 bytes must fail fast rather than allocate.
        Assert.Throws<AbiException>(() => Decode("uint256[]", [.. word(0x20), .. word(uint.MaxValue), .. word(1)]));
        Assert.Throws<AbiException>(() => Decode("uint256", new byte[31]));
    }

    [Fact]
    public void Revert_data_decodes_error_strings_with_nethereum_and_a_custom_error_by_its_abi()
    {
        var error = "0x08c379a0" + Words(
            "0000000000000000000000000000000000000000000000000000000000000020",
            "000000000000000000000000000000000000000000000000000000000000001a",
            "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000");
        Assert.Equal("Not enough Ether provided.", new FunctionCallDecoder().DecodeFunctionErrorMessage(error));

        var notPublisher = AbiFunction.Parse("NotPublisher(address account)");
        var custom = Hex.ToHex(notPublisher.EncodeCall("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"));
        // An error's selector is made like a function's; its arguments decode as a view's outputs do.
        Assert.StartsWith("0x" + Keccak256.Hash("NotPublisher(address)")[..4].Aggregate("", (h, b) => h + b.ToString("x2")), custom);
        var decoded = AbiFunction.Parse("function f() returns (address)").DecodeOutput(Hex.Parse(custom).AsSpan(4));
        Assert.Equal("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", decoded[0]);
    }

    [Fact]
    public void Abi_json_entries_carry_the_tuple_arrays_that_signatures_cannot()
    {
        static AbiFunction Function(string name, string list) => AbiFunction.Parse($$"""
            [{"type":"function","name":"{{name}}","inputs":[],"outputs":[],
              "{{list}}":[{"name":"x","type":"tuple[2][]",
                           "components":[{"name":"state","type":"uint8"},{"name":"hash","type":"bytes32"}]}]}]
            """);
        var (take, give) = (Function("take", "inputs"), Function("give", "outputs"));
        Assert.Equal("take((uint8,bytes32)[2][])", take.Definition.Signature);
        var hash = Keccak256.Hash("ballots");
        object[] Pair(int state) => [state, hash];
        // One argument, a list of rows: cast, or C# would spread the rows over params.
        var data = take.EncodeCall((object)new object[] { new object[] { Pair(7), Pair(4) } });
        Assert.Equal(4 + 6 * 32, data.Length);   // offset, one row, its two tuples in place
        var row = (object?[])((object?[])give.DecodeOutput(data.AsSpan(4))[0]!).Single()!;
        Assert.Equal([new BigInteger(7), new BigInteger(4)], row.Cast<object?[]>().Select(p => (BigInteger)p[0]!));
        Assert.All(row.Cast<object?[]>(), p => Assert.Equal(hash, p[1]));
    }
}
