using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A delegator's ballot taking its balance out of its delegate's: what a shard hands over for the adjustment.</summary>
[GenerateSerializer, Immutable, Alias("bt.BallotOverride")]
public sealed record BallotOverride
{
    [Id(0)] public string Delegator { get; init; } = "";
    [Id(1)] public string Delegate { get; init; } = "";
    [Id(2)] public BigInteger Balance { get; init; }
}
