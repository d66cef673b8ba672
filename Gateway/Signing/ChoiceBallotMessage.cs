using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// A signed vote in a choice class:
/// <c>ChoiceBallot(address voter,string proposal,uint16[] choices,uint64[] weights,string reason,uint64 timestamp)</c>.
/// Choices are numbered from 1 as Snapshot numbers them: one (single-choice), the approved ones (approval), every choice
/// best first (ranked-choice), or the weighted ones with <see cref="Weights"/> beside them (weighted, quadratic; empty
/// otherwise). Whether they fit the class is the ballot shard's call (<c>invalid-choice</c>).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ChoiceBallotMessage : ISignedMessage
{
    public const int MaxEntries = 32;

    public static string TypeName => "ChoiceBallot";

    /// <summary>The voter's ballot shard refuses the same digest again; a replacement ballot must be newer.</summary>
    public static bool GuardedByBallotLog => true;

    public required string Voter { get; init; }

    /// <summary>The proposal id <c>{dao}/{seq}</c>; must equal the route's.</summary>
    public required string Proposal { get; init; }

    public required ImmutableArray<ushort> Choices { get; init; }

    public required ImmutableArray<ulong> Weights { get; init; }

    public required string Reason { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public required ulong Timestamp { get; init; }

    [JsonIgnore]
    public string Actor => Voter;

    public void Validate()
    {
        MessageFields.Require(Proposal, "proposal");
        MessageFields.Require(Reason, "reason");
        if (Choices.IsDefault || Weights.IsDefault)
            throw new ApiProblemException(ErrorCodes.MalformedRequest,
                "message.choices and message.weights must be arrays (weights may be []).");
        if (Choices.Length is 0 or > MaxEntries || Weights.Length > MaxEntries)
            throw new ApiProblemException(ErrorCodes.InvalidChoice,
                $"message.choices needs 1..{MaxEntries} entries and message.weights at most {MaxEntries}.");
    }

    public void Admit(HttpContext http, string signer) => SignedTarget.SameProposal(Proposal, http);

    /// <summary>What the voter's ballot shard is asked to count.</summary>
    public static BallotRequest Request(Signed<ChoiceBallotMessage> ballot) => new()
    {
        Voter = ballot.Signer,
        Choices = ballot.Message.Choices,
        Weights = ballot.Message.Weights,
        Reason = ballot.Message.Reason,
        Timestamp = ballot.Timestamp,
        Digest = ballot.Digest,
        Signature = ballot.Signature,
    };

    public byte[] HashStruct(SigningSchema schema, ReadOnlySpan<byte> actor) =>
        schema.Builder(TypeName).Address(actor).String(Proposal).UintArray([.. Choices.Select(c => (ulong)c)]).UintArray(Weights)
            .String(Reason).Uint(Timestamp).ToHash();
}
