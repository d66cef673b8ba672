using System.Text.Json.Serialization;

namespace Blocktrack.Gateway;

/// <summary>
/// A committee member's signed review of a submitted milestone: <c>MilestoneReview(address reviewer,string dao,
/// uint64 program,uint64 grant,uint16 milestone,bool approved,string reason,uint64 timestamp)</c>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MilestoneReviewMessage : ISignedMessage
{
    public static string TypeName => "MilestoneReview";

    public required string Reviewer { get; init; }
    public required string Dao { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Program { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Grant { get; init; }

    public required ushort Milestone { get; init; }
    public required bool Approved { get; init; }
    public required string Reason { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    [JsonIgnore]
    public string Actor => Reviewer;

    public void Validate()
    {
        MessageFields.Require(Dao, "dao");
        MessageFields.Require(Reason, "reason");
    }

    public void Admit(HttpContext http, string signer)
    {
        SignedTarget.SameGrant(Dao, (long)Program, (long)Grant, http);
        SignedTarget.SameNumber("milestone", Milestone, GrantRoute.FromRoute(http).Milestone);
    }

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Dao).Uint(Program).Uint(Grant).Uint(Milestone).Bool(Approved).String(Reason)
            .Uint(Timestamp).ToHash();
}
