using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Governance.Choices;

/// <summary>
/// Scores per choice in fixed point: <see cref="Scaled"/>[i] / <see cref="ChoiceCounting.Scale"/> is choice i's score in
/// units of power. Exact for single-choice, approval and ranked-choice (whole powers × Scale); weighted and quadratic
/// shares are rounded down at 18 decimal places, so the tally never needs a double.
/// </summary>
public sealed record ChoiceScores
{
    public ImmutableArray<BigInteger> Scaled { get; init; } = [];

    /// <summary>Power of every ballot counted (Snapshot's <c>scores_total</c> over valid votes).</summary>
    public BigInteger TotalPower { get; init; }

    /// <summary>Ranked choice only: each round's scores, from the first to the deciding one.</summary>
    public ImmutableArray<ImmutableArray<BigInteger>> Rounds { get; init; } = [];

    /// <summary>The choice with the highest score (ties: the lowest index), or null when nothing was counted.</summary>
    public int? Winner
    {
        get
        {
            if (Scaled.IsDefaultOrEmpty || Scaled.All(s => s.IsZero)) return null;
            var best = 0;
            for (var i = 1; i < Scaled.Length; i++)
                if (Scaled[i] > Scaled[best]) best = i;
            return best;
        }
    }

    /// <summary>A score as a decimal string of power with 18 decimals, for display and for comparing with Snapshot.</summary>
    public string Format(int choice)
    {
        var whole = BigInteger.DivRem(Scaled[choice], ChoiceCounting.Scale, out var fraction);
        return $"{whole}.{fraction.ToString().PadLeft(ChoiceCounting.Decimals, '0')}";
    }
}
