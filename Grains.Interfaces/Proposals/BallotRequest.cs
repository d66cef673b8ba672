using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A ballot whose signature the Gateway has verified: the voter is the recovered signer.</summary>
[GenerateSerializer, Immutable, Alias("bt.BallotRequest")]
public sealed record BallotRequest
{
    [Id(0)] public string Voter { get; init; } = "";
    [Id(1)] public Support Support { get; init; }
    [Id(2)] public string Reason { get; init; } = "";
    [Id(3)] public long Timestamp { get; init; }
    [Id(4)] public string Digest { get; init; } = "";
    [Id(5)] public string Signature { get; init; } = "";

    /// <summary>Choice classes: the signed choices, numbered from 1; empty for a For/Against/Abstain ballot.</summary>
    [Id(6)] public ImmutableArray<ushort> Choices { get; init; } = [];

    /// <summary>Weighted and quadratic classes: one weight per choice.</summary>
    [Id(7)] public ImmutableArray<ulong> Weights { get; init; } = [];

    public bool HasChoices => !Choices.IsDefaultOrEmpty;
}
