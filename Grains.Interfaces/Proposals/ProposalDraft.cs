using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A proposal as its (verified) proposer submits it.</summary>
[GenerateSerializer, Immutable, Alias("bt.ProposalDraft")]
public sealed record ProposalDraft
{
    [Id(0)] public string Proposer { get; init; } = "";
    [Id(1)] public string Class { get; init; } = "";
    [Id(2)] public string Title { get; init; } = "";
    [Id(3)] public string Description { get; init; } = "";
    [Id(4)] public ImmutableArray<ProposalAction> Actions { get; init; } = [];

    /// <summary>Digest of the signed proposal message (0x hex), recorded for audit.</summary>
    [Id(5)] public string Digest { get; init; } = "";

    /// <summary>Choice classes: 2–32 choices, each with the actions that execute if it wins; empty for basic classes.</summary>
    [Id(6)] public ImmutableArray<ProposalChoice> Choices { get; init; } = [];
}
