using System.Numerics;

namespace Blocktrack.Grains.State;

/// <summary>An award as recorded under its cause.</summary>
[GenerateSerializer, Immutable, Alias("bt.AwardEntry")]
public sealed record AwardEntry
{
    [Id(0)] public string Domain { get; init; } = "";
    [Id(1)] public BigInteger Amount { get; init; }
    [Id(2)] public long At { get; init; }
}
