using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A voter's position in one token, now.</summary>
[GenerateSerializer, Immutable, Alias("bt.VoterInfo")]
public sealed record VoterInfo
{
    [Id(0)] public string Address { get; init; } = "";
    [Id(1)] public string Token { get; init; } = "";
    [Id(2)] public BigInteger Balance { get; init; }

    /// <summary>Whom the balance is delegated to; null means it counts for nobody.</summary>
    [Id(3)] public string? Delegate { get; init; }

    /// <summary>Votes delegated to this address by everyone (itself included).</summary>
    [Id(4)] public BigInteger Votes { get; init; }
}
