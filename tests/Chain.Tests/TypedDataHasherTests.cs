using System.Text.Json;
using System.Text.Json.Nodes;
using Blocktrack.Chain.Tests.Support;

namespace Blocktrack.Chain.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class TypedDataHasherTests
{
    private const string Voter = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";

    [Fact]
    public void Ballot_builder_matches_the_json_path()
    {
        var json = TypedDataSamples.Ballot(Voter, "blocktrack/7", 1, "for the learners", 1_717_171_717);
        var types = new TypedDataTypes(new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["Ballot"] =
            [
                new("voter", "address"), new("proposal", "string"), new("support", "uint8"), new("reason", "string"), new("timestamp", "uint64"),
            ],
        });
        var structHash = new StructHashBuilder(types, "Ballot")
            .Address(Voter).String("blocktrack/7").Uint(1).String("for the learners").Uint(1_717_171_717).ToHash();
        var digest = TypedDataHasher.Digest(TypedDataHasher.DomainSeparator("Blocktrack Governance", "1", 412346), structHash);

        Assert.Equal("Ballot(address voter,string proposal,uint8 support,string reason,uint64 timestamp)", types.EncodeType("Ballot"));
        Assert.Equal(Hex.ToHex(TypedDataHasher.Hash(json.ToJsonString())), Hex.ToHex(digest));
    }

    [Fact]
    public void Referenced_types_are_sorted_after_the_primary_and_cycles_terminate()
    {
        var types = Types("""
            {"Zoo":[{"name":"keeper","type":"Person"},{"name":"animals","type":"Animal[][2]"}],
             "Person":[{"name":"name","type":"string"},{"name":"pet","type":"Animal"}],
             "Animal":[{"name":"kind","type":"string"},{"name":"offspring","type":"Animal[]"}],
             "Unused":[{"name":"x","type":"bool"}]}
            """);
        Assert.Equal("Zoo(Person keeper,Animal[][2] animals)Animal(string kind,Animal[] offspring)Person(string name,Animal pet)", types.EncodeType("Zoo"));
        Assert.Equal("Animal(string kind,Animal[] offspring)", types.EncodeType("Animal"));
    }

    [Fact]
    public void Integers_hash_the_same_in_every_notation()
    {
        var expected = HashValue("uint256", "255");
        Assert.Equal(expected, HashValue("uint256", "\"0xff\""));
        Assert.Equal(expected, HashValue("uint256", "\"0xFF\""));
        Assert.Equal(expected, HashValue("uint256", "\"255\""));
        Assert.Equal(expected, HashValue("uint256", "2.55e2"));
        Assert.Equal(HashValue("int8", "-1"), HashValue("int8", "\"-0x1\""));
        Assert.Equal(HashValue("uint256", "1000000000000000000000"), HashValue("uint256", "1e21"));
    }

    [Theory]
    [InlineData("uint8", "256", "out of range for uint8")]
    [InlineData("uint8", "-1", "out of range for uint8")]
    [InlineData("int8", "128", "out of range for int8")]
    [InlineData("int8", "-129", "out of range for int8")]
    [InlineData("uint256", "\"0x1\" ", null)]
    [InlineData("uint256", "\"115792089237316195423570985008687907853269984665640564039457584007913129639936\"", "out of range for uint256")]
    [InlineData("uint64", "1.5", "is not an integer")]
    [InlineData("uint64", "\"12 \"", "is not an integer")]
    [InlineData("uint64", "\"1e3\"", "is not an integer")]
    [InlineData("uint64", "\"\"", "is not an integer")]
    [InlineData("uint64", "true", "not a valid 'uint64' value")]
    [InlineData("bool", "1", "not a valid 'bool' value")]
    [InlineData("address", "\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD\"", "invalid EIP-55 checksum")]
    [InlineData("bytes4", "\"0x010203\"", "needs exactly 4 bytes")]
    [InlineData("bytes", "\"0x0\"", "odd number of digits")]
    [InlineData("string", "null", "null is not a valid 'string' value")]
    [InlineData("uint8[2]", "[1]", "needs exactly 2 elements")]
    [InlineData("uint8[]", "[1, 300]", "message.v[1]: 300 is out of range")]
    public void Refuses_bad_values_with_a_path(string type, string value, string? expected)
    {
        if (expected is null)
        {
            HashValue(type, value);
            return;
        }
        var error = Assert.Throws<TypedDataException>(() => HashValue(type, value));
        Assert.Contains("message.v", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("""{"T":[{"name":"v","type":"uint7"}]}""", "Unknown type 'uint7' in field 'T.v'")]
    [InlineData("""{"T":[{"name":"v","type":"uint"}]}""", "Unknown type 'uint'")]
    [InlineData("""{"T":[{"name":"v","type":"bytes33"}]}""", "Unknown type 'bytes33'")]
    [InlineData("""{"T":[{"name":"v","type":"Missing"}]}""", "Unknown type 'Missing'")]
    [InlineData("""{"T":[{"name":"v","type":"uint8[0]"}]}""", "Array length")]
    [InlineData("""{"T":[{"name":"v","type":"uint8[x]"}]}""", "Malformed array type")]
    [InlineData("""{"T":[{"name":"v","type":"bool"},{"name":"v","type":"bool"}]}""", "appears twice")]
    [InlineData("""{"address":[{"name":"v","type":"bool"}]}""", "collides with an atomic type")]
    [InlineData("""{"T":[{"name":"v"}]}""", "string 'name' and 'type'")]
    public void Refuses_bad_type_definitions(string types, string expected)
    {
        Assert.Contains(expected, Assert.Throws<TypedDataException>(() => Types(types)).Message);
    }

    [Fact]
    public void Refuses_missing_unexpected_and_duplicate_fields()
    {
        var types = Types("""{"T":[{"name":"a","type":"bool"},{"name":"b","type":"bool"}]}""");
        Assert.Contains("message.b: missing field of type 'bool'", Hash(types, """{"a":true}"""));
        Assert.Contains("unexpected field 'c'", Hash(types, """{"a":true,"b":false,"c":1}"""));
        Assert.Contains("field 'a' appears more than once", Hash(types, """{"a":true,"a":false,"b":false}"""));
        Assert.Contains("expected an object", Hash(types, "[]"));
    }

    [Fact]
    public void Payload_errors_are_typed()
    {
        Assert.Contains("not valid JSON", Assert.Throws<TypedDataException>(() => TypedDataHasher.Hash("{")).Message);
        Assert.Contains("no 'message'", Assert.Throws<TypedDataException>(() => TypedDataHasher.Hash("""{"types":{"T":[]},"primaryType":"T","domain":{}}""")).Message);
        Assert.Contains("primaryType 'X' is not defined", Assert.Throws<TypedDataException>(() =>
            TypedDataHasher.Hash("""{"types":{"T":[]},"primaryType":"X","domain":{},"message":{}}""")).Message);
        Assert.Contains("not a standard EIP-712 domain field", Assert.Throws<TypedDataException>(() =>
            TypedDataHasher.Hash("""{"types":{"T":[]},"primaryType":"T","domain":{"color":"red"},"message":{}}""")).Message);
    }

    [Fact]
    public void Domain_type_is_inferred_in_standard_order_when_omitted()
    {
        var mail = TypedDataSamples.Mail();
        var withDomainType = TypedDataHasher.Hash(mail.ToJsonString());
        mail["types"]!.AsObject().Remove("EIP712Domain");
        // Key order in the JSON object must not matter: EIP-712 fixes the field order.
        var domain = mail["domain"]!.AsObject();
        mail["domain"] = new JsonObject
        {
            ["verifyingContract"] = (string)domain["verifyingContract"]!, ["chainId"] = 1, ["version"] = "1", ["name"] = "Ether Mail",
        };
        Assert.Equal(withDomainType, TypedDataHasher.Hash(mail.ToJsonString()));
    }

    [Fact]
    public void Domain_as_primary_type_signs_the_separator_alone()
    {
        var separator = TypedDataHasher.DomainSeparator("Ether Mail", "1", 1);
        var json = """{"types":{},"primaryType":"EIP712Domain","domain":{"name":"Ether Mail","version":"1","chainId":1},"message":{}}""";
        Assert.Equal(TypedDataHasher.Digest(separator), TypedDataHasher.Hash(json));
    }

    [Fact]
    public void Builder_checks_field_order_and_completeness()
    {
        var types = Types("""{"T":[{"name":"a","type":"address"},{"name":"n","type":"uint8"}]}""");
        Assert.Contains("T.a: declared as 'address'", Assert.Throws<TypedDataException>(() => new StructHashBuilder(types, "T").Uint(1)).Message);
        Assert.Contains("only 1 of 2 fields", Assert.Throws<TypedDataException>(() => new StructHashBuilder(types, "T").Address(Voter).ToHash()).Message);
        Assert.Contains("out of range for uint8", Assert.Throws<TypedDataException>(() => new StructHashBuilder(types, "T").Address(Voter).Uint(256)).Message);
        Assert.Contains("already given", Assert.Throws<TypedDataException>(() => new StructHashBuilder(types, "T").Address(Voter).Uint(1).Uint(1)).Message);
    }

    [Fact]
    public void Recursive_values_hash()
    {
        var types = Types("""{"Tree":[{"name":"label","type":"string"},{"name":"children","type":"Tree[]"}]}""");
        var message = JsonDocument.Parse("""{"label":"root","children":[{"label":"leaf","children":[]}]}""").RootElement;
        var leaf = new StructHashBuilder(types, "Tree").String("leaf").Array(Keccak256.Hash([])).ToHash();
        var root = new StructHashBuilder(types, "Tree").String("root").Array(Keccak256.Hash(leaf)).ToHash();
        Assert.Equal(root, TypedDataHasher.HashStruct("Tree", types, message));
    }

    private static TypedDataTypes Types(string json) => TypedDataTypes.FromJson(JsonDocument.Parse(json).RootElement);

    private static string Hash(TypedDataTypes types, string message) =>
        Assert.Throws<TypedDataException>(() => TypedDataHasher.HashStruct("T", types, JsonDocument.Parse(message).RootElement)).Message;

    private static string HashValue(string type, string value)
    {
        var types = Types($$"""{"T":[{"name":"v","type":"{{type}}"}]}""");
        return Hex.ToHex(TypedDataHasher.HashStruct("T", types, JsonDocument.Parse($$"""{"v":{{value}}}""").RootElement));
    }
}
