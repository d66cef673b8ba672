using System.Text.Json.Serialization;

namespace Blocktrack.Gateway;

/// <summary>
/// A committee member's signed personhood attestation (or revocation, <c>attested: false</c>):
/// <c>Attestation(address attester,string dao,address subject,bool attested,uint64 timestamp)</c>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AttestationMessage : ISignedMessage
{
    public static string TypeName => "Attestation";

    public required string Attester { get; init; }

    /// <summary>The DAO whose registry changes; must equal the route's.</summary>
    public required string Dao { get; init; }

    /// <summary>The address attested as (or no longer as) a unique person.</summary>
    public required string Subject { get; init; }

    public required bool Attested { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    [JsonIgnore]
    public string Actor => Attester;

    public void Validate()
    {
        MessageFields.Require(Dao, "dao");
        MessageFields.Address(Subject, "subject");
    }

    public void Admit(HttpContext http, string signer) => SignedTarget.SameDao(Dao, http);

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Dao).Address(Subject).Bool(Attested).Uint(Timestamp).ToHash();
}
