using System.Numerics;

namespace Blocktrack.Grains.State;

/// <summary>A value that holds from <see cref="Timepoint"/> (unix seconds) until the next checkpoint.</summary>
[GenerateSerializer, Immutable, Alias("bt.Checkpoint")]
public readonly record struct Checkpoint([property: Id(0)] long Timepoint, [property: Id(1)] BigInteger Value);
