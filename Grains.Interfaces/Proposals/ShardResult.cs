using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A sealed shard's final count: its tally and the Merkle root of its ballots.</summary>
[GenerateSerializer, Immutable, Alias("bt.ShardResult")]
public sealed record ShardResult
{
    [Id(0)] public Tally Tally { get; init; } = Tally.Empty;
    [Id(1)] public string Root { get; init; } = "";

    /// <summary>Ranked-choice classes only: every counted ranking, for the instant runoff over all shards.</summary>
    [Id(2)] public ImmutableArray<RankedBallot> Rankings { get; init; } = [];

    /// <summary>Delegator-override classes only: every counted ballot that takes its balance out of its delegate's.</summary>
    [Id(3)] public ImmutableArray<BallotOverride> Overrides { get; init; } = [];
}
