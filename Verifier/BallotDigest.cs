using System.Text.Json;
using System.Text.Json.Nodes;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Verifier;

/// <summary>
/// A stored ballot's EIP-712 digest, rebuilt from its fields under the domain and types the Gateway publishes at
/// <c>GET /eip712</c>: <c>Ballot</c> for For/Against/Abstain ballots, <c>ChoiceBallot</c> for ballots with choices.
/// </summary>
public static class BallotDigest
{
    public const string BasicType = "Ballot";
    public const string ChoiceType = "ChoiceBallot";

    public static string TypeOf(Ballot ballot) => ballot.HasChoices ? ChoiceType : BasicType;

    /// <summary>The message a voter signed, as far as the stored ballot tells (choices 1-based, as signed).</summary>
    public static JsonObject Message(Ballot ballot, string proposal) => ballot.HasChoices
        ? new JsonObject
        {
            ["voter"] = ballot.Voter,
            ["proposal"] = proposal,
            ["choices"] = new JsonArray([.. ballot.Choices.Select(c => (JsonNode)JsonValue.Create(c))]),
            // uint64 as decimal text: exact beyond 2^53.
            ["weights"] = new JsonArray(
                [.. (ballot.Weights.IsDefault ? [] : ballot.Weights).Select(w => (JsonNode)JsonValue.Create(w.ToString()))]),
            ["reason"] = ballot.Reason,
            ["timestamp"] = ballot.Timestamp,
        }
        : new JsonObject
        {
            ["voter"] = ballot.Voter,
            ["proposal"] = proposal,
            ["support"] = (int)ballot.Support,
            ["reason"] = ballot.Reason,
            ["timestamp"] = ballot.Timestamp,
        };

    /// <summary>The digest; a <see cref="TypedDataException"/> when the published schema lacks the type or does not fit.</summary>
    public static byte[] Compute(JsonElement eip712, Ballot ballot, string proposal)
    {
        var type = TypeOf(ballot);
        if (!eip712.TryGetProperty("types", out var types) || !types.TryGetProperty(type, out var fields))
            throw new TypedDataException($"GET /eip712 publishes no '{type}' type");
        if (!eip712.TryGetProperty("domain", out var domain))
            throw new TypedDataException("GET /eip712 publishes no domain");
        var payload = new JsonObject
        {
            ["types"] = new JsonObject { [type] = JsonNode.Parse(fields.GetRawText()) },
            ["primaryType"] = type,
            ["domain"] = JsonNode.Parse(domain.GetRawText()),
            ["message"] = Message(ballot, proposal),
        };
        return TypedDataHasher.Hash(payload.ToJsonString());
    }
}
