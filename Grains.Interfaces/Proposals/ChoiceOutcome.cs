using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>The count of a multi-choice proposal, live while voting and final once sealed.</summary>
[GenerateSerializer, Immutable, Alias("bt.ChoiceOutcome")]
public sealed record ChoiceOutcome
{
    /// <summary>Score per choice (index 0 = choice 1) as a decimal of power with 18 decimals, as Snapshot reports scores.</summary>
    [Id(0)] public ImmutableArray<string> Scores { get; init; } = [];

    /// <summary>Power of every ballot counted (Snapshot's <c>scores_total</c>).</summary>
    [Id(1)] public string TotalPower { get; init; } = "0";

    /// <summary>The winning choice, numbered from 1 (highest score, ties to the lowest number); null with no ballots.</summary>
    [Id(2)] public int? Winner { get; init; }

    /// <summary>The winner's score as a share of <see cref="TotalPower"/>, in bps (rounded down).</summary>
    [Id(3)] public int WinnerShareBps { get; init; }

    /// <summary>Ranked choice: each round's scores, first to last (live tallies show first preferences only).</summary>
    [Id(4)] public ImmutableArray<ImmutableArray<string>> Rounds { get; init; } = [];

    /// <summary>False while voting: ranked choice then shows first preferences, and the winner may still change.</summary>
    [Id(5)] public bool Final { get; init; }
}
