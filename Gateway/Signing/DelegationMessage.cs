using System.Text.Json.Serialization;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>A signed delegation: <c>Delegation(address delegator,address delegatee,string token,uint64 timestamp)</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DelegationMessage : ISignedMessage
{
    public static string TypeName => "Delegation";

    public required string Delegator { get; init; }

    /// <summary>Who receives the votes; the zero address undelegates.</summary>
    public required string Delegatee { get; init; }

    public required string Token { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    [JsonIgnore]
    public string Actor => Delegator;

    /// <summary>The lower-case delegatee, or null for the zero address (undelegate).</summary>
    [JsonIgnore]
    public string? DelegateeOrNull
    {
        get
        {
            var lower = MessageFields.Address(Delegatee, "delegatee");
            // The zero address means "undelegate", as in ERC20Votes.
            return lower == Addresses.Zero ? null : lower;
        }
    }

    public void Validate()
    {
        MessageFields.Address(Delegatee, "delegatee");
        MessageFields.Require(Token, "token");
    }

    public void Admit(HttpContext http, string signer) => SignedTarget.SameVoter(signer, http);

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).Address(Delegatee).String(Token).Uint(Timestamp).ToHash();
}
