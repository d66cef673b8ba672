using System.Text.Json.Serialization;

namespace Blocktrack.Gateway;

/// <summary>
/// A committee member's signed appointment (or removal) of a moderator:
/// <c>ModeratorChange(address appointer,string dao,address moderator,bool granted,uint64 timestamp)</c>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ModeratorChangeMessage : ISignedMessage
{
    public static string TypeName => "ModeratorChange";

    public required string Appointer { get; init; }

    /// <summary>The DAO path; must equal the route's.</summary>
    public required string Dao { get; init; }

    public required string Moderator { get; init; }

    /// <summary>True appoints the moderator, false removes it.</summary>
    public required bool Granted { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    [JsonIgnore]
    public string Actor => Appointer;

    public void Validate()
    {
        MessageFields.Require(Dao, "dao");
        MessageFields.Address(Moderator, "moderator");
    }

    public void Admit(HttpContext http, string signer) => SignedTarget.SameDao(Dao, http);

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Dao).Address(Moderator).Bool(Granted).Uint(Timestamp).ToHash();
}
