using System.Collections.Immutable;
using System.Text.Json;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>A relayer's batch: signed ballots for any proposals, each as it would be sent alone.</summary>
public sealed record BallotBatchBody
{
    public required ImmutableArray<BallotBatchEntry> Ballots { get; init; }
}

/// <summary>
/// One signed ballot: <c>type</c> <c>Ballot</c> (the default) or <c>ChoiceBallot</c>, the message as signed (it names its
/// proposal) and the signature. The message is read per entry, so a malformed one is refused alone.
/// </summary>
public sealed record BallotBatchEntry
{
    public string Type { get; init; } = BallotMessage.TypeName;

    public required JsonElement Message { get; init; }

    public required string Signature { get; init; }
}

/// <summary>The answer to every entry, in the order sent, and how many were counted.</summary>
public sealed record BallotBatchResult
{
    public required ImmutableArray<BallotBatchOutcome> Results { get; init; }

    public required int Counted { get; init; }

    public required int Refused { get; init; }
}

/// <summary>
/// One entry's answer: the status the entry would have had as a request of its own, with the receipt (200) or the
/// problem document (any other status).
/// </summary>
public sealed record BallotBatchOutcome
{
    public required int Index { get; init; }

    public required int Status { get; init; }

    public BallotReceipt? Receipt { get; init; }

    public ProblemDetails? Problem { get; init; }
}
