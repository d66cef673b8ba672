using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// One owner's lock in a mirrored vote escrow, over time, keyed <c>{escrow}/{owner}</c> (<see cref="EscrowKeys.Lock"/>).
/// Fed by the chain watcher from the contract's LockChanged logs.
/// </summary>
[Alias("bt.IEscrowLockGrain")]
public interface IEscrowLockGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records lock changes in log order, saved once; each applies at most once. Answers the lock in force before each
    /// change, also for changes recorded before, so a range mirrored again hands the escrow's supply the same changes.
    /// </summary>
    [Alias("ApplyChainLocks")] Task<ImmutableArray<EscrowLock>> ApplyChainLocks(ImmutableArray<EscrowLockChange> changes);

    /// <summary>Forgets the changes from <paramref name="fromBlock"/> on (a reorg replaced those blocks).</summary>
    [Alias("RollbackChain")] Task RollbackChain(long fromBlock);

    /// <summary>The lock in force at a timestamp (<see cref="EscrowLock.None"/> before the first one).</summary>
    [Alias("GetLock")] Task<EscrowLock> GetLock(long timestamp);

    /// <summary>Voting power at a timestamp: the lock then, decayed to then (the contract's <c>balanceOfAt</c>).</summary>
    [Alias("GetPower")] Task<BigInteger> GetPower(long timestamp);
}
