using System.Numerics;
using System.Text.Json.Nodes;

namespace Blocktrack.Chain.Tests.Support;

/// <summary>Typed-data payloads: the EIP-712 example, our ballot, and randomly filled schemas covering every v4 feature.</summary>
internal static class TypedDataSamples
{
    public const string BallotTypes = """
        {
          "EIP712Domain": [{"name":"name","type":"string"},{"name":"version","type":"string"},{"name":"chainId","type":"uint256"}],
          "Ballot": [{"name":"voter","type":"address"},{"name":"proposal","type":"string"},{"name":"support","type":"uint8"},
                     {"name":"reason","type":"string"},{"name":"timestamp","type":"uint64"}]
        }
        """;

    public const string MailJson = """
        {
          "types": {
            "EIP712Domain": [{"name":"name","type":"string"},{"name":"version","type":"string"},
                             {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
            "Person": [{"name":"name","type":"string"},{"name":"wallet","type":"address"}],
            "Mail": [{"name":"from","type":"Person"},{"name":"to","type":"Person"},{"name":"contents","type":"string"}]
          },
          "primaryType": "Mail",
          "domain": {"name":"Ether Mail","version":"1","chainId":1,"verifyingContract":"0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
          "message": {
            "from": {"name":"Cow","wallet":"0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
            "to": {"name":"Bob","wallet":"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
            "contents": "Hello, Bob!"
          }
        }
        """;

    // Each schema: types (possibly without EIP712Domain, to exercise inference), primary type, and domain field names.
    private static readonly (string Types, string Primary, string[] Domain)[] Schemas =
    [
        (BallotTypes, "Ballot", ["name", "version", "chainId"]),
        ("""
        {
          "EIP712Domain": [{"name":"name","type":"string"},{"name":"version","type":"string"},{"name":"chainId","type":"uint256"},
                           {"name":"verifyingContract","type":"address"},{"name":"salt","type":"bytes32"}],
          "Everything": [{"name":"a","type":"address"},{"name":"flag","type":"bool"},{"name":"b1","type":"bytes1"},
                         {"name":"b7","type":"bytes7"},{"name":"b32","type":"bytes32"},{"name":"u8","type":"uint8"},
                         {"name":"u64","type":"uint64"},{"name":"u256","type":"uint256"},{"name":"i8","type":"int8"},
                         {"name":"i72","type":"int72"},{"name":"i256","type":"int256"},{"name":"text","type":"string"},
                         {"name":"blob","type":"bytes"},{"name":"amounts","type":"uint256[]"},{"name":"trio","type":"address[3]"},
                         {"name":"labels","type":"string[]"},{"name":"blobs","type":"bytes[]"},{"name":"people","type":"Person[]"},
                         {"name":"grid","type":"int16[2][]"},{"name":"pair","type":"Person[2]"},{"name":"owner","type":"Person"}],
          "Person": [{"name":"name","type":"string"},{"name":"wallet","type":"address"},{"name":"tags","type":"bytes32[]"}]
        }
        """, "Everything", ["name", "version", "chainId", "verifyingContract", "salt"]),
        ("""
        {
          "EIP712Domain": [{"name":"name","type":"string"},{"name":"chainId","type":"uint256"}],
          "Mail": [{"name":"from","type":"Person"},{"name":"to","type":"Person[]"},{"name":"contents","type":"string"},
                   {"name":"attachments","type":"Attachment[]"}],
          "Person": [{"name":"name","type":"string"},{"name":"wallets","type":"address[]"}],
          "Attachment": [{"name":"name","type":"string"},{"name":"digest","type":"bytes32"},{"name":"author","type":"Person"}]
        }
        """, "Mail", ["name", "chainId"]),
        ("""
        {
          "Grant": [{"name":"recipient","type":"address"},{"name":"amount","type":"uint256"},{"name":"sdg","type":"uint8[]"},
                    {"name":"delta","type":"int256"},{"name":"memo","type":"bytes"}]
        }
        """, "Grant", ["name", "verifyingContract"]),
    ];

    private static readonly string[] Texts =
        ["", "a", "Hello, Bob!", "Against: budget too high ✋", "賛成 🚀", "quote \" backslash \\ newline \n tab \t",
         new string('x', 200), "SDG 4 · Quality Education"];

    public static JsonObject Mail() => JsonNode.Parse(MailJson)!.AsObject();

    public static JsonObject Ballot(string voter, string proposal, int support, string reason, ulong timestamp) => new()
    {
        ["types"] = JsonNode.Parse(BallotTypes),
        ["primaryType"] = "Ballot",
        ["domain"] = new JsonObject { ["name"] = "Blocktrack Governance", ["version"] = "1", ["chainId"] = 412346 },
        ["message"] = new JsonObject
        {
            ["voter"] = voter, ["proposal"] = proposal, ["support"] = support, ["reason"] = reason, ["timestamp"] = timestamp,
        },
    };

    /// <summary>A payload from one of the schemas, every value drawn at random in one of the notations wallets send.</summary>
    public static JsonObject Random(Random rng)
    {
        var (typesText, primary, domainFields) = Schemas[rng.Next(Schemas.Length)];
        var types = JsonNode.Parse(typesText)!.AsObject();
        var domainTypes = new Dictionary<string, string>
        {
            ["name"] = "string", ["version"] = "string", ["chainId"] = "uint256", ["verifyingContract"] = "address", ["salt"] = "bytes32",
        };
        var domain = new JsonObject();
        foreach (var field in domainFields)
            domain[field] = field == "chainId" ? rng.Next(1, 500_000) : Value(domainTypes[field], types, rng, 0);
        return new JsonObject
        {
            ["types"] = types,
            ["primaryType"] = primary,
            ["domain"] = domain,
            ["message"] = Struct(primary, types, rng, 0),
        };
    }

    private static JsonObject Struct(string name, JsonObject types, Random rng, int depth)
    {
        var result = new JsonObject();
        foreach (var field in types[name]!.AsArray())
            result[(string)field!["name"]!] = Value((string)field["type"]!, types, rng, depth + 1);
        return result;
    }

    private static JsonNode? Value(string type, JsonObject types, Random rng, int depth)
    {
        if (type.EndsWith(']'))
        {
            var open = type.LastIndexOf('[');
            var lengthText = type[(open + 1)..^1];
            var count = lengthText.Length > 0 ? int.Parse(lengthText) : rng.Next(depth > 2 ? 2 : 4);
            var array = new JsonArray();
            for (var i = 0; i < count; i++)
                array.Add(Value(type[..open], types, rng, depth + 1));
            return array;
        }
        if (types.ContainsKey(type))
            return Struct(type, types, rng, depth);
        if (type == "address")
        {
            var address = RandomBytes(rng, 20);
            return rng.Next(2) == 0 ? EthAddress.ToLower(address) : EthAddress.ToChecksum(address);
        }
        if (type == "bool")
            return rng.Next(2) == 0;
        if (type == "string")
            return Texts[rng.Next(Texts.Length)];
        if (type == "bytes")
            return Hex.ToHex(RandomBytes(rng, rng.Next(3) == 0 ? 0 : rng.Next(1, 300)));
        if (type.StartsWith("bytes", StringComparison.Ordinal))
            return Hex.ToHex(RandomBytes(rng, int.Parse(type[5..])));
        if (type.StartsWith("uint", StringComparison.Ordinal))
            return Integer(RandomUint(rng, int.Parse(type[4..])), rng);
        if (type.StartsWith("int", StringComparison.Ordinal))
        {
            var bits = int.Parse(type[3..]);
            return Integer(RandomUint(rng, bits) - (BigInteger.One << (bits - 1)), rng);
        }
        throw new ArgumentException($"No generator for '{type}'.");
    }

    private static BigInteger RandomUint(Random rng, int bits)
    {
        var max = (BigInteger.One << bits) - 1;
        return rng.Next(6) switch
        {
            0 => BigInteger.Zero,
            1 => max,
            _ => new BigInteger(RandomBytes(rng, bits / 8), isUnsigned: true) >> rng.Next(bits),
        };
    }

    private static JsonNode Integer(BigInteger value, Random rng)
    {
        var notation = rng.Next(3);
        if (notation == 0 && BigInteger.Abs(value) < (BigInteger.One << 53))
            return JsonValue.Create((long)value);
        if (notation == 1)
            return (value.Sign < 0 ? "-0x" : "0x") + BigInteger.Abs(value).ToString("x").TrimStart('0').PadLeft(1, '0');
        return value.ToString();
    }

    public static byte[] RandomBytes(Random rng, int count)
    {
        var bytes = new byte[count];
        rng.NextBytes(bytes);
        return bytes;
    }
}
