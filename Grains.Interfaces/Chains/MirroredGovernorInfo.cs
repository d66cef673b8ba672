namespace Blocktrack.Grains.Interfaces;

/// <summary>A mirrored on-chain Governor: where it lives, its mirror path, and how far it has been followed.</summary>
[GenerateSerializer, Immutable, Alias("bt.MirroredGovernorInfo")]
public sealed record MirroredGovernorInfo
{
    [Id(0)] public long ChainId { get; init; }
    [Id(1)] public string Address { get; init; } = "";
    [Id(2)] public string Dao { get; init; } = "";
    [Id(3)] public int Proposals { get; init; }

    /// <summary>The last block mirrored for this governor (-1 before the first).</summary>
    [Id(4)] public long SyncedBlock { get; init; }
    [Id(5)] public long SyncedTimestamp { get; init; }
}
