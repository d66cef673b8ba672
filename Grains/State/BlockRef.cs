namespace Blocktrack.Grains.State;

/// <summary>A mirrored block: number, hash and timestamp.</summary>
[GenerateSerializer, Immutable, Alias("bt.BlockRef")]
public readonly record struct BlockRef([property: Id(0)] long Number, [property: Id(1)] string Hash, [property: Id(2)] long Timestamp);
