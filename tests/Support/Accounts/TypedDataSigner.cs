using System.Text.Json.Nodes;
using Blocktrack.Chain;

namespace Blocktrack.Tests.Support;

/// <summary>
/// Signs like a wallet's eth_signTypedData_v4: builds the full JSON payload with the Gateway's types written out here
/// (independently of the Gateway's definitions, so a drift between the two shows as refused signatures) and hashes it
/// with Chain's JSON hasher.
/// </summary>
public static class TypedDataSigner
{
    /// <summary>The dev L3's chain id, the Gateway's default EIP-712 domain.</summary>
    public const long DefaultChainId = 412346;

    private static readonly Dictionary<string, (string Name, string Type)[]> Types = new()
    {
        ["Ballot"] = [("voter", "address"), ("proposal", "string"), ("support", "uint8"), ("reason", "string"), ("timestamp", "uint64")],
        ["ChoiceBallot"] =
        [
            ("voter", "address"), ("proposal", "string"), ("choices", "uint16[]"), ("weights", "uint64[]"), ("reason", "string"),
            ("timestamp", "uint64"),
        ],
        ["Proposal"] =
        [
            ("proposer", "address"), ("dao", "string"), ("class", "string"), ("title", "string"), ("description", "string"),
            ("actions", "string"), ("timestamp", "uint64"),
        ],
        ["ChoiceProposal"] =
        [
            ("proposer", "address"), ("dao", "string"), ("class", "string"), ("title", "string"), ("description", "string"),
            ("choices", "string"), ("timestamp", "uint64"),
        ],
        ["Delegation"] = [("delegator", "address"), ("delegatee", "address"), ("token", "string"), ("timestamp", "uint64")],
        ["Cancel"] = [("proposer", "address"), ("proposal", "string"), ("timestamp", "uint64")],
        ["Veto"] = [("guardian", "address"), ("proposal", "string"), ("reason", "string"), ("timestamp", "uint64")],
        ["CommitteeChange"] =
            [("coordinator", "address"), ("dao", "string"), ("member", "address"), ("granted", "bool"), ("timestamp", "uint64")],
        ["ModeratorChange"] =
            [("appointer", "address"), ("dao", "string"), ("moderator", "address"), ("granted", "bool"), ("timestamp", "uint64")],
        ["Moderation"] =
        [
            ("moderator", "address"), ("dao", "string"), ("proposal", "string"), ("voter", "address"), ("hidden", "bool"),
            ("reason", "string"), ("timestamp", "uint64"),
        ],
        ["Attestation"] =
            [("attester", "address"), ("dao", "string"), ("subject", "address"), ("attested", "bool"), ("timestamp", "uint64")],
    };

    /// <summary>The request body <c>{ message, signature }</c> for <paramref name="message"/> signed by <paramref name="key"/>.</summary>
    public static JsonObject Envelope(TestKey key, string primaryType, JsonObject message, long chainId = DefaultChainId) =>
        Sign(key, primaryType, message, chainId).Envelope;

    public static SignedMessage Sign(TestKey key, string primaryType, JsonObject message, long chainId = DefaultChainId)
    {
        var digest = TypedDataHasher.Hash(Payload(primaryType, message, chainId).ToJsonString());
        var signature = Secp256k1Signer.Sign(digest, key.PrivateKey);
        return new SignedMessage(message.DeepClone().AsObject(), Hex.ToHex(signature), Hex.ToHex(digest));
    }

    public static JsonObject Payload(string primaryType, JsonObject message, long chainId) => new()
    {
        ["types"] = new JsonObject
        {
            ["EIP712Domain"] = Fields([("name", "string"), ("version", "string"), ("chainId", "uint256")]),
            [primaryType] = Fields(Types[primaryType]),
        },
        ["primaryType"] = primaryType,
        ["domain"] = new JsonObject { ["name"] = "Blocktrack Governance", ["version"] = "1", ["chainId"] = chainId },
        ["message"] = message.DeepClone(),
    };

    private static JsonArray Fields((string Name, string Type)[] fields) =>
        [.. fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type })];
}
