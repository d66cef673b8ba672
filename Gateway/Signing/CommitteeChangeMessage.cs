using System.Text.Json.Serialization;

namespace Blocktrack.Gateway;

/// <summary>
/// A coordinator's signed committee change:
/// <c>CommitteeChange(address coordinator,string dao,address member,bool granted,uint64 timestamp)</c>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CommitteeChangeMessage : ISignedMessage
{
    public static string TypeName => "CommitteeChange";

    public required string Coordinator { get; init; }

    /// <summary>The DAO path; must equal the route's.</summary>
    public required string Dao { get; init; }

    public required string Member { get; init; }

    /// <summary>True adds the member, false removes it.</summary>
    public required bool Granted { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    [JsonIgnore]
    public string Actor => Coordinator;

    public void Validate()
    {
        MessageFields.Require(Dao, "dao");
        MessageFields.Address(Member, "member");
    }

    public void Admit(HttpContext http, string signer) => SignedTarget.SameDao(Dao, http);

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Dao).Address(Member).Bool(Granted).Uint(Timestamp).ToHash();
}
