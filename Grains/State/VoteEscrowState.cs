using System.Numerics;

namespace Blocktrack.Grains.State;

/// <summary>Persisted supply of a vote escrow: points after each mirrored lock change, and the slopes ending per week.</summary>
[GenerateSerializer, Alias("bt.VoteEscrowState")]
public sealed class VoteEscrowState
{
    /// <summary>One point per mirrored lock change, in (block, log index) order.</summary>
    [Id(0)] public List<EscrowSupplyPoint> Points { get; set; } = [];

    /// <summary>Week boundary (unix seconds) → slope of the running locks that unlock then; weeks with none are left out.</summary>
    [Id(1)] public Dictionary<long, BigInteger> SlopeEnding { get; set; } = [];
}
