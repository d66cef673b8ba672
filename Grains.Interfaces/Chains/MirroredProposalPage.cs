using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A page of a governor's mirrored proposals, newest first.</summary>
[GenerateSerializer, Immutable, Alias("bt.MirroredProposalPage")]
public sealed record MirroredProposalPage
{
    [Id(0)] public ImmutableArray<MirroredProposalInfo> Items { get; init; } = [];
    [Id(1)] public int Offset { get; init; }
    [Id(2)] public int Limit { get; init; }

    /// <summary>Proposals matching the filter, over all pages.</summary>
    [Id(3)] public int Total { get; init; }
}
