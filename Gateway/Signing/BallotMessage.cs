using System.Text.Json.Serialization;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>A signed vote: <c>Ballot(address voter,string proposal,uint8 support,string reason,uint64 timestamp)</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BallotMessage : ISignedMessage
{
    public static string TypeName => "Ballot";

    /// <summary>The voter's ballot shard refuses the same digest again; a replacement ballot must be newer.</summary>
    public static bool GuardedByBallotLog => true;

    public required string Voter { get; init; }

    /// <summary>The proposal id <c>{dao}/{seq}</c>; must equal the route's.</summary>
    public required string Proposal { get; init; }

    /// <summary>0 Against, 1 For, 2 Abstain.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required byte Support { get; init; }

    public required string Reason { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    [JsonIgnore]
    public string Actor => Voter;

    public void Validate()
    {
        MessageFields.Require(Proposal, "proposal");
        MessageFields.Require(Reason, "reason");
        if (!Enum.IsDefined((Support)Support))
            throw new ApiProblemException(ErrorCodes.InvalidArgument,
                $"message.support must be 0 (against), 1 (for) or 2 (abstain), got {Support}.");
    }

    public void Admit(HttpContext http, string signer) => SignedTarget.SameProposal(Proposal, http);

    /// <summary>What the voter's ballot shard is asked to count.</summary>
    public static BallotRequest Request(Signed<BallotMessage> ballot) => new()
    {
        Voter = ballot.Signer,
        Support = (Support)ballot.Message.Support,
        Reason = ballot.Message.Reason,
        Timestamp = ballot.Timestamp,
        Digest = ballot.Digest,
        Signature = ballot.Signature,
    };

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Proposal).Uint(Support).String(Reason).Uint(Timestamp).ToHash();
}
