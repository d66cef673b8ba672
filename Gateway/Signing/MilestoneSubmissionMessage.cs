using System.Text.Json.Serialization;
using Blocktrack.Chain;

namespace Blocktrack.Gateway;

/// <summary>
/// A grantee's signed milestone submission: <c>MilestoneSubmission(address grantee,string dao,uint64 program,uint64 grant,
/// uint16 milestone,string evidence,bytes32 evidenceHash,uint64 timestamp)</c>.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MilestoneSubmissionMessage : MilestoneTargetMessage, ISignedMessage
{
    public static string TypeName => "MilestoneSubmission";

    public required string Grantee { get; init; }

    /// <summary>Where the evidence is (an http(s) or ipfs URL).</summary>
    public required string Evidence { get; init; }

    /// <summary>0x and 64 hex digits: a hash of the evidence, so what was reviewed cannot change afterwards.</summary>
    public required string EvidenceHash { get; init; }

    [JsonIgnore]
    public string Actor => Grantee;

    public void Validate()
    {
        MessageFields.Require(Dao, "dao");
        MessageFields.Require(Evidence, "evidence");
        MessageFields.Require(EvidenceHash, "evidenceHash");
        if (!Hex.TryParse(EvidenceHash, out var bytes) || bytes.Length != 32)
            throw new ApiProblemException(ErrorCodes.InvalidArgument, "message.evidenceHash must be 0x followed by 64 hex digits.");
    }

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor)
    {
        Hex.TryParse(EvidenceHash, out var hash);
        return schema.Builder(TypeName).Address(actor).String(Dao).Uint(Program).Uint(Grant).Uint(Milestone).String(Evidence)
            .FixedBytes(hash).Uint(Timestamp).ToHash();
    }
}
