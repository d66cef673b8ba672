using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>One option of a multi-choice proposal; its actions execute through the timelock if it wins.</summary>
[GenerateSerializer, Immutable, Alias("bt.ProposalChoice")]
public sealed record ProposalChoice
{
    [Id(0)] public string Label { get; init; } = "";
    [Id(1)] public ImmutableArray<ProposalAction> Actions { get; init; } = [];
}
