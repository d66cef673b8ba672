using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Voting-power source of a proposal class.</summary>
[GenerateSerializer, Immutable, Alias("bt.PowerSource")]
public sealed record PowerSource
{
    [Id(0)] public PowerSourceKind Kind { get; init; } = PowerSourceKind.TokenVotes;

    /// <summary>Token whose delegated votes count (for <see cref="PowerSourceKind.TokenVotes"/>).</summary>
    [Id(1)] public string Token { get; init; } = "btk";

    /// <summary>Lower-case address → weight (for <see cref="PowerSourceKind.Whitelist"/>).</summary>
    [Id(2)] public ImmutableDictionary<string, BigInteger> Weights { get; init; } = ImmutableDictionary<string, BigInteger>.Empty;

    /// <summary>
    /// Tokens whose votes add up (cross-chain power, e.g. <c>btk@412346</c> and <c>btk@412347</c>); when empty,
    /// <see cref="Token"/> alone counts.
    /// </summary>
    [Id(3)] public ImmutableArray<string> Tokens { get; init; } = [];

    /// <summary>Every token that counts.</summary>
    public ImmutableArray<string> AllTokens() => Tokens.IsDefaultOrEmpty ? [Token] : Tokens;

    public static PowerSource TokenVotes(string token = "btk") => new() { Kind = PowerSourceKind.TokenVotes, Token = token };

    public static PowerSource Whitelist(IEnumerable<KeyValuePair<string, BigInteger>> weights) =>
        new() { Kind = PowerSourceKind.Whitelist, Weights = weights.ToImmutableDictionary() };
}
