namespace Blocktrack.Grains.State;

/// <summary>A mirrored governor's proposal index and how far its chain has been mirrored.</summary>
[GenerateSerializer, Alias("bt.MirroredGovernorState")]
public sealed class MirroredGovernorState
{
    [Id(0)] public List<GovernorIndexEntry> Proposals { get; set; } = [];
    [Id(1)] public long SyncedBlock { get; set; } = -1;
    [Id(2)] public long SyncedTimestamp { get; set; }
}
