using System.Collections.Immutable;
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

    /// <summary>
    /// Raw power (before any square root) of the ballots that count toward quorum: For + Abstain ballots in basic classes,
    /// every ballot in choice classes.
    /// </summary>
    [Id(4)] public BigInteger QuorumPower { get; init; }

    /// <summary>
    /// Choice classes: per choice, the additive part of the count in fixed point (10¹⁸ = one unit of power): scores for
    /// single-choice, approval and weighted, sums of √shares for quadratic, first preferences for ranked choice.
    /// </summary>
    [Id(5)] public ImmutableArray<BigInteger> ChoiceSums { get; init; } = [];

    /// <summary>Choice classes, at the proposal level: the scores, rounds and winner these sums give.</summary>
    [Id(6)] public ChoiceOutcome? Outcome { get; init; }

    /// <summary>Value equality, the choice sums compared element by element.</summary>
    public bool Equals(Tally? other) =>
        other is not null && For == other.For && Against == other.Against && Abstain == other.Abstain && Voters == other.Voters
        && QuorumPower == other.QuorumPower && Outcome == other.Outcome
        && (ChoiceSums.IsDefault ? [] : ChoiceSums).SequenceEqual(other.ChoiceSums.IsDefault ? [] : other.ChoiceSums);

    public override int GetHashCode() => HashCode.Combine(For, Against, Abstain, Voters, QuorumPower);
}
