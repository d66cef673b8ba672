using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Weighted votes per support value and the number of distinct voters.</summary>
[GenerateSerializer, Immutable, Alias("bt.Tally")]
public sealed record Tally
{
    public static readonly Tally Empty = new();

    [Id(0)] public BigInteger For { get; init; }
    [Id(1)] public BigInteger Against { get; init; }
    [Id(2)] public BigInteger Abstain { get; init; }
    [Id(3)] public int Voters { get; init; }
}
