using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>An address's own position in a token at a past timepoint: its balance and to whom it was delegated.</summary>
[GenerateSerializer, Immutable, Alias("bt.DelegationAt")]
public sealed record DelegationAt
{
    /// <summary>Lower-case 0x delegatee, or null when the balance was not delegated.</summary>
    [Id(0)] public string? Delegate { get; init; }
    [Id(1)] public BigInteger Balance { get; init; }
}
