using System.Text.Json.Serialization;

namespace Blocktrack.Gateway;

/// <summary>A signed veto: <c>Veto(address guardian,string proposal,string reason,uint64 timestamp)</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record VetoMessage : ISignedMessage
{
    public static string TypeName => "Veto";

    public required string Guardian { get; init; }

    /// <summary>The proposal id; must equal the route's.</summary>
    public required string Proposal { get; init; }

    public required string Reason { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    [JsonIgnore]
    public string Actor => Guardian;

    public void Validate()
    {
        MessageFields.Require(Proposal, "proposal");
        MessageFields.Require(Reason, "reason");
    }

    public void Admit(HttpContext http, string signer) => SignedTarget.SameProposal(Proposal, http);

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Proposal).String(Reason).Uint(Timestamp).ToHash();
}
