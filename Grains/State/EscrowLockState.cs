using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted lock history of one owner in one vote escrow.</summary>
[GenerateSerializer, Alias("bt.EscrowLockState")]
public sealed class EscrowLockState
{
    /// <summary>The owner's lock as each mirrored LockChanged set it, in (block, log index) order.</summary>
    [Id(0)] public List<EscrowLockChange> History { get; set; } = [];
}
