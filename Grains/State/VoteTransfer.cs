using System.Numerics;

namespace Blocktrack.Grains.State;

/// <summary>A change of votes a voter still owes a delegate (or the token's supply): its outbox entry.</summary>
[GenerateSerializer, Immutable, Alias("bt.VoteTransfer")]
public sealed record VoteTransfer
{
    [Id(0)] public long Sequence { get; init; }
    [Id(1)] public string Token { get; init; } = "";

    /// <summary>A delegate's address, or null for the token's votable supply.</summary>
    [Id(2)] public string? To { get; init; }
    [Id(3)] public long Timepoint { get; init; }
    [Id(4)] public BigInteger Delta { get; init; }
}
