using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance.Choices;

/// <summary>
/// One counted ballot of a multi-choice proposal: the voter's power at the snapshot and what it chose. Choices are
/// 0-based indexes into the proposal's choices (Snapshot numbers them from 1; the Gateway's messages do too).
/// <see cref="Choices"/> lists one choice (single-choice), the approved ones (approval), the ranking, best first
/// (ranked-choice), or the weighted choices with <see cref="Weights"/> beside them (weighted, quadratic).
/// </summary>
public sealed record ChoiceVote(BigInteger Power, IReadOnlyList<int> Choices, IReadOnlyList<ulong>? Weights = null)
{
    /// <summary>A counted ballot as a vote: its raw power and its signed choices made 0-based.</summary>
    public static ChoiceVote From(Ballot ballot) => From(ballot.RawPower, ballot.Choices, ballot.Weights);

    /// <summary>A vote from signed (1-based) choices and their weights.</summary>
    public static ChoiceVote From(BigInteger power, ImmutableArray<ushort> choices, ImmutableArray<ulong> weights) =>
        new(power, choices.IsDefault ? [] : [.. choices.Select(c => c - 1)], weights.IsDefaultOrEmpty ? null : weights);
}
