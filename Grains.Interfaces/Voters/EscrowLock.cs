using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// A vote-escrow lock: <see cref="Amount"/> of BTK locked until <see cref="UnlockTime"/> (unix seconds, a whole week);
/// the default (amount 0, unlock 0) is no lock, as after a withdrawal.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.EscrowLock")]
public readonly record struct EscrowLock([property: Id(0)] BigInteger Amount, [property: Id(1)] long UnlockTime)
{
    public static EscrowLock None => default;
}

/// <summary>An owner's lock as a LockChanged log at (block, log index) set it, in force from the block's timestamp.</summary>
[GenerateSerializer, Immutable, Alias("bt.EscrowLockChange")]
public readonly record struct EscrowLockChange(
    [property: Id(0)] long Block,
    [property: Id(1)] int LogIndex,
    [property: Id(2)] long Timestamp,
    [property: Id(3)] EscrowLock Lock);

/// <summary>One lock change as the escrow's supply sees it: the owner's lock before and after the log at (block, log index).</summary>
[GenerateSerializer, Immutable, Alias("bt.EscrowSupplyChange")]
public readonly record struct EscrowSupplyChange(
    [property: Id(0)] long Block,
    [property: Id(1)] int LogIndex,
    [property: Id(2)] long Timestamp,
    [property: Id(3)] EscrowLock Old,
    [property: Id(4)] EscrowLock New);
