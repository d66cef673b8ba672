using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A counted ranked-choice ballot as a sealed shard hands it over: power and ranking (1-based), nothing else.</summary>
[GenerateSerializer, Immutable, Alias("bt.RankedBallot")]
public sealed record RankedBallot
{
    [Id(0)] public BigInteger Power { get; init; }
    [Id(1)] public ImmutableArray<ushort> Ranking { get; init; } = [];
}
