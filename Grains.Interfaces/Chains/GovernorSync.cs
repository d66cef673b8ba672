namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// How far a watcher has mirrored a governor's chain: the last block and its time, and the oldest block a reorg
/// can still replace (events below it are final).
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.GovernorSync")]
public sealed record GovernorSync(
    [property: Id(0)] long Block,
    [property: Id(1)] long Timestamp,
    [property: Id(2)] long FinalBefore);
