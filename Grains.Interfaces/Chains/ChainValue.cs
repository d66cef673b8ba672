using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A value read from a chain log at (block, log index), effective from the block's timestamp.</summary>
[GenerateSerializer, Immutable, Alias("bt.ChainValue")]
public readonly record struct ChainValue(
    [property: Id(0)] long Block,
    [property: Id(1)] int LogIndex,
    [property: Id(2)] long Timestamp,
    [property: Id(3)] BigInteger Value);
