using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Outcome of applying a proposal's actions: all applied, or none and why.</summary>
[GenerateSerializer, Immutable, Alias("bt.ExecutionResult")]
public sealed record ExecutionResult
{
    [Id(0)] public bool Succeeded { get; init; }
    [Id(1)] public string? Error { get; init; }

    /// <summary>Index of the action that failed, if one did.</summary>
    [Id(2)] public int? FailedAction { get; init; }
    [Id(3)] public DateTimeOffset At { get; init; }

    /// <summary>Transactions sent for the proposal's on-chain calls, with their outcome.</summary>
    [Id(4)] public ImmutableArray<ChainTransaction> Transactions { get; init; } = [];
}
