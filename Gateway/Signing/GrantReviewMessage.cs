using System.Text.Json.Serialization;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// A committee member's signed decision on a grant:
/// <c>GrantReview(address reviewer,string dao,uint64 program,uint64 grant,string decision,string reason,uint64 timestamp)</c>,
/// decision one of <c>approve</c>, <c>reject</c> (the application) or <c>cancel</c> (an approved grant).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record GrantReviewMessage : GrantTargetMessage, ISignedMessage
{
    public static string TypeName => "GrantReview";

    public required string Reviewer { get; init; }

    public required string Decision { get; init; }
    public required string Reason { get; init; }

    [JsonIgnore]
    public string Actor => Reviewer;

    [JsonIgnore]
    public GrantDecision ParsedDecision => Decision switch
    {
        "approve" => GrantDecision.Approve,
        "reject" => GrantDecision.Reject,
        "cancel" => GrantDecision.Cancel,
        _ => throw new ApiProblemException(ErrorCodes.InvalidArgument, "message.decision is one of approve, reject, cancel."),
    };

    public void Validate()
    {
        MessageFields.Require(Dao, "dao");
        MessageFields.Require(Decision, "decision");
        MessageFields.Require(Reason, "reason");
        _ = ParsedDecision;
    }

    public void Admit(HttpContext http, string signer) => AdmitGrant(http);

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Dao).Uint(Program).Uint(Grant).String(Decision).String(Reason)
            .Uint(Timestamp).ToHash();
}
