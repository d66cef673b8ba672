namespace Blocktrack.Grains.Interfaces;

/// <summary>A transaction the cluster sent on a chain, and how it ended.</summary>
[GenerateSerializer, Immutable, Alias("bt.ChainTransaction")]
public sealed record ChainTransaction
{
    [Id(0)] public long Chain { get; init; }

    /// <summary>What it did, e.g. <c>scheduleBatch</c>, <c>executeBatch</c>, <c>recordResult</c>.</summary>
    [Id(1)] public string Purpose { get; init; } = "";
    [Id(2)] public string? Hash { get; init; }
    [Id(3)] public bool Succeeded { get; init; }

    /// <summary>The revert reason or error when it failed.</summary>
    [Id(4)] public string? Error { get; init; }
}
