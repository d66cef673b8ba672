using System.Text.Json.Serialization;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// A moderator's signed act:
/// <c>Moderation(address moderator,string dao,string proposal,address voter,bool hidden,string reason,uint64 timestamp)</c>.
/// <c>voter</c> = the zero address moderates the proposal itself, any other address that voter's ballot reason;
/// <c>hidden</c> true hides, false restores.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ModerationMessage : ISignedMessage
{
    public static string TypeName => "Moderation";

    public required string Moderator { get; init; }

    /// <summary>The DAO path; must equal the route's.</summary>
    public required string Dao { get; init; }

    /// <summary>The proposal id <c>{dao}/{seq}</c>.</summary>
    public required string Proposal { get; init; }

    public required string Voter { get; init; }

    public required bool Hidden { get; init; }

    public required string Reason { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    [JsonIgnore]
    public string Actor => Moderator;

    /// <summary>The moderated voter (lower case), or null when the proposal itself is moderated.</summary>
    [JsonIgnore]
    public string? Target { get; private set; }

    public void Validate()
    {
        MessageFields.Require(Dao, "dao");
        MessageFields.Require(Proposal, "proposal");
        MessageFields.Require(Reason, "reason");
        var voter = MessageFields.Address(Voter, "voter");
        Target = voter == Addresses.Zero ? null : voter;
    }

    public void Admit(HttpContext http, string signer) => SignedTarget.SameDao(Dao, http);

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Dao).String(Proposal).Address(Voter).Bool(Hidden).String(Reason)
            .Uint(Timestamp).ToHash();
}
