using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A page of a DAO's proposal index, newest first.</summary>
[GenerateSerializer, Immutable, Alias("bt.ProposalPage")]
public sealed record ProposalPage
{
    [Id(0)] public ImmutableArray<ProposalSummary> Items { get; init; } = [];
    [Id(1)] public int Total { get; init; }
    [Id(2)] public int Offset { get; init; }
    [Id(3)] public int Limit { get; init; }
}
