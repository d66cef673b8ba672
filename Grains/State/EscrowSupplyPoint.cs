using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>
/// The escrow's supply right after a lock change: total power (<see cref="Bias"/>) and its fall per second
/// (<see cref="Slope"/>) at the change's timestamp. The change is kept so a reorg can take its slope edits back.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.EscrowSupplyPoint")]
public readonly record struct EscrowSupplyPoint(
    [property: Id(0)] EscrowSupplyChange Change,
    [property: Id(1)] BigInteger Bias,
    [property: Id(2)] BigInteger Slope)
{
    public long Timestamp => Change.Timestamp;
}
