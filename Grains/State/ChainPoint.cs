using System.Numerics;

namespace Blocktrack.Grains.State;

/// <summary>A value mirrored from a chain log: set at (block, log index), effective from the block's timestamp.</summary>
[GenerateSerializer, Immutable, Alias("bt.ChainPoint")]
public readonly record struct ChainPoint(
    [property: Id(0)] long Block,
    [property: Id(1)] int LogIndex,
    [property: Id(2)] long Timestamp,
    [property: Id(3)] BigInteger Value);
