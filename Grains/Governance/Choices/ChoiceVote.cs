using System.Numerics;

namespace Blocktrack.Grains.Governance.Choices;

/// <summary>
/// One counted ballot of a multi-choice proposal: the voter's power at the snapshot and what it chose. Choices are
/// 0-based indexes into the proposal's choices (Snapshot numbers them from 1; the Gateway's messages do too).
/// <see cref="Choices"/> lists one choice (single-choice), the approved ones (approval), the ranking, best first
/// (ranked-choice), or the weighted choices with <see cref="Weights"/> beside them (weighted, quadratic).
/// </summary>
public sealed record ChoiceVote(BigInteger Power, IReadOnlyList<int> Choices, IReadOnlyList<ulong>? Weights = null);
