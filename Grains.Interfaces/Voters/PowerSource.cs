using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// Voting-power source of a proposal class: one strategy (by <see cref="Kind"/>), or, when <see cref="Strategies"/> is set,
/// the sum of several (Snapshot's multi-strategy shape), each scaled by its <see cref="MultiplierBps"/>.
/// </summary>
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

    /// <summary>Reputation domain (a DAO path) for <see cref="PowerSourceKind.Reputation"/>; empty means the proposal's DAO.</summary>
    [Id(4)] public string Domain { get; init; } = "";

    /// <summary>This strategy's power × multiplier / 10,000 (rounded down) counts; 10,000 = as is.</summary>
    [Id(5)] public int MultiplierBps { get; init; } = 10_000;

    /// <summary>When not empty, power is the sum of these strategies (none of which has strategies of its own).</summary>
    [Id(6)] public ImmutableArray<PowerSource> Strategies { get; init; } = [];

    /// <summary>The strategies that add up: <see cref="Strategies"/>, or this source alone.</summary>
    public ImmutableArray<PowerSource> Parts() => Strategies.IsDefaultOrEmpty ? [this] : Strategies;

    /// <summary>Every token that counts.</summary>
    public ImmutableArray<string> AllTokens() => Tokens.IsDefaultOrEmpty ? [Token] : Tokens;

    public static PowerSource TokenVotes(string token = "btk") => new() { Kind = PowerSourceKind.TokenVotes, Token = token };

    public static PowerSource Whitelist(IEnumerable<KeyValuePair<string, BigInteger>> weights) =>
        new() { Kind = PowerSourceKind.Whitelist, Weights = weights.ToImmutableDictionary() };
}
