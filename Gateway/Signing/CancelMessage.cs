using System.Text.Json.Serialization;

namespace Blocktrack.Gateway;

/// <summary>A signed withdrawal: <c>Cancel(address proposer,string proposal,uint64 timestamp)</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CancelMessage : ISignedMessage
{
    public static string TypeName => "Cancel";

    public required string Proposer { get; init; }

    /// <summary>The proposal id; must equal the route's.</summary>
    public required string Proposal { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    [JsonIgnore]
    public string Actor => Proposer;

    public void Validate() => MessageFields.Require(Proposal, "proposal");

    public void Admit(HttpContext http, string signer) => SignedTarget.SameProposal(Proposal, http);

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Proposal).Uint(Timestamp).ToHash();
}
