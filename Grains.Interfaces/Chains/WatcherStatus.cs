namespace Blocktrack.Grains.Interfaces;

/// <summary>How far a chain watcher has mirrored its chain, and whether it is keeping up.</summary>
[GenerateSerializer, Immutable, Alias("bt.WatcherStatus")]
public sealed record WatcherStatus
{
    [Id(0)] public long ChainId { get; init; }
    [Id(1)] public string Name { get; init; } = "";

    /// <summary>The node's head at the last poll.</summary>
    [Id(2)] public long Head { get; init; }

    /// <summary>The last block fully mirrored (head minus at least the confirmation depth).</summary>
    [Id(3)] public long Cursor { get; init; }
    [Id(4)] public long CursorTimestamp { get; init; }
    [Id(5)] public long LagBlocks { get; init; }
    [Id(6)] public double LagSeconds { get; init; }
    [Id(7)] public string? LastError { get; init; }
    [Id(8)] public DateTimeOffset? LastErrorAt { get; init; }
    [Id(9)] public DateTimeOffset? LastPollAt { get; init; }
    [Id(10)] public bool Healthy { get; init; }
    [Id(11)] public long LogsApplied { get; init; }
    [Id(12)] public int Reorgs { get; init; }
}
