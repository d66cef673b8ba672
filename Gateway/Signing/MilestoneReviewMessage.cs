using System.Text.Json.Serialization;

namespace Blocktrack.Gateway;

/// <summary>
/// A committee member's signed review of a submitted milestone: <c>MilestoneReview(address reviewer,string dao,
/// uint64 program,uint64 grant,uint16 milestone,bool approved,string reason,uint64 timestamp)</c>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MilestoneReviewMessage : MilestoneTargetMessage, ISignedMessage
{
    public static string TypeName => "MilestoneReview";

    public required string Reviewer { get; init; }

    public required bool Approved { get; init; }
    public required string Reason { get; init; }

    [JsonIgnore]
    public string Actor => Reviewer;

    public void Validate()
    {
        MessageFields.Require(Dao, "dao");
        MessageFields.Require(Reason, "reason");
    }

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Dao).Uint(Program).Uint(Grant).Uint(Milestone).Bool(Approved).String(Reason)
            .Uint(Timestamp).ToHash();
}
