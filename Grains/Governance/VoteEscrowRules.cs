using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>What a vote escrow can do with a lock (deploy/devchain/contracts/VotingEscrow.sol).</summary>
public enum EscrowOperation
{
    CreateLock,
    IncreaseAmount,
    IncreaseUnlockTime,
    Withdraw,
}

/// <summary>Why the escrow refuses an operation; each is named after the contract's custom error.</summary>
public enum EscrowRefusal
{
    None,
    ZeroAmount,
    LockExists,
    NoLock,
    LockExpired,
    LockNotExpired,
    UnlockNotInFuture,
    UnlockTooFar,
    UnlockNotLater,
}

/// <summary>
/// Vote-escrow locks (Curve veCRV semantics) in the contract's integer arithmetic, so the cluster's figures equal the
/// contract's to the wei: unlock times are whole weeks at most <see cref="MaxTime"/> ahead, a lock's power at t is
/// slope · (unlock − t) with slope = amount / MAXTIME rounded down, and nothing from the unlock on. The escrow's
/// supply is in <see cref="VoteEscrowSupply"/>.
/// </summary>
public static class VoteEscrowRules
{
    public const long Week = 7 * 86_400;
    public const long MaxTime = 4 * 365 * 86_400;

    /// <summary>The week boundary at or before a unix time (weeks start on Thursday 00:00 UTC, as unix time does).</summary>
    public static long RoundToWeek(long timestamp)
    {
        Refuse.Unless(timestamp >= 0, GovernanceError.InvalidArgument, $"timestamp {timestamp} may not be negative");
        return timestamp / Week * Week;
    }

    /// <summary>How fast a lock's power falls per second: amount / MAXTIME, rounded down (zero below MAXTIME wei).</summary>
    public static BigInteger Slope(BigInteger amount) => amount / MaxTime;

    /// <summary>Power of a lock at a unix time: slope · (unlock − t) before the unlock, zero at and after it.</summary>
    public static BigInteger PowerAt(EscrowLock lockState, long timestamp) =>
        timestamp >= lockState.UnlockTime ? BigInteger.Zero : Slope(lockState.Amount) * (lockState.UnlockTime - timestamp);

    /// <summary>Why the contract would refuse <paramref name="operation"/> now; <see cref="EscrowRefusal.None"/> if it would not.</summary>
    /// <param name="operation">What the owner asks the escrow to do.</param>
    /// <param name="current">The owner's lock before the operation.</param>
    /// <param name="amount">BTK to lock or add (create, increase amount).</param>
    /// <param name="unlockTime">The requested unlock, before rounding down to a week (create, increase unlock time).</param>
    /// <param name="now">The block's timestamp.</param>
    public static EscrowRefusal Check(EscrowOperation operation, EscrowLock current, BigInteger amount, long unlockTime, long now)
    {
        Refuse.Unless(amount.Sign >= 0, GovernanceError.InvalidArgument, $"amount {amount} may not be negative");
        var unlock = RoundToWeek(unlockTime);
        var latest = now + MaxTime;
        var running = current.UnlockTime > now;
        // The contract's checks, in its order: the first failing one names the refusal.
        return operation switch
        {
            EscrowOperation.CreateLock =>
                amount.IsZero ? EscrowRefusal.ZeroAmount
                : !current.Amount.IsZero ? EscrowRefusal.LockExists
                : unlock <= now ? EscrowRefusal.UnlockNotInFuture
                : unlock > latest ? EscrowRefusal.UnlockTooFar
                : EscrowRefusal.None,
            EscrowOperation.IncreaseAmount =>
                amount.IsZero ? EscrowRefusal.ZeroAmount
                : current.Amount.IsZero ? EscrowRefusal.NoLock
                : !running ? EscrowRefusal.LockExpired
                : EscrowRefusal.None,
            EscrowOperation.IncreaseUnlockTime =>
                current.Amount.IsZero ? EscrowRefusal.NoLock
                : !running ? EscrowRefusal.LockExpired
                : unlock <= current.UnlockTime ? EscrowRefusal.UnlockNotLater
                : unlock > latest ? EscrowRefusal.UnlockTooFar
                : EscrowRefusal.None,
            EscrowOperation.Withdraw =>
                current.Amount.IsZero ? EscrowRefusal.NoLock
                : now < current.UnlockTime ? EscrowRefusal.LockNotExpired
                : EscrowRefusal.None,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown escrow operation"),
        };
    }

    /// <summary>
    /// The lock after <paramref name="operation"/>: a new lock until the rounded unlock, more BTK until the same unlock,
    /// the same BTK until a later one, or <see cref="EscrowLock.None"/> after a withdrawal. Refused (<c>InvalidArgument</c>,
    /// the message starting with the contract's error name) where the contract reverts.
    /// </summary>
    public static EscrowLock Apply(EscrowOperation operation, EscrowLock current, BigInteger amount, long unlockTime, long now)
    {
        var refusal = Check(operation, current, amount, unlockTime, now);
        Refuse.Unless(refusal == EscrowRefusal.None, GovernanceError.InvalidArgument, $"{refusal}: {Explain(refusal, current, now)}");
        return operation switch
        {
            EscrowOperation.CreateLock => new EscrowLock(amount, RoundToWeek(unlockTime)),
            EscrowOperation.IncreaseAmount => current with { Amount = current.Amount + amount },
            EscrowOperation.IncreaseUnlockTime => current with { UnlockTime = RoundToWeek(unlockTime) },
            _ => EscrowLock.None,
        };
    }

    /// <summary>The lock in force at a unix time: the last change at or before it; none before the first.</summary>
    public static EscrowLock LockAt(IReadOnlyList<EscrowLockChange> history, long timestamp)
    {
        var i = Timeline.LastAtOrBefore(history, timestamp, static c => c.Timestamp);
        return i < 0 ? EscrowLock.None : history[i].Lock;
    }

    /// <summary>An owner's power at a unix time from the lock history (the contract's <c>balanceOfAt</c>).</summary>
    public static BigInteger PowerAt(IReadOnlyList<EscrowLockChange> history, long timestamp) =>
        PowerAt(LockAt(history, timestamp), timestamp);

    /// <summary>
    /// Appends the changes not yet in the history (in (block, log index) order) and answers the lock before each one,
    /// read from the history for changes it already holds. <paramref name="applied"/> counts the new ones.
    /// </summary>
    public static EscrowLock[] ApplyLocks(
        List<EscrowLockChange> history, IReadOnlyList<EscrowLockChange> changes, out int applied)
    {
        applied = 0;
        var before = new EscrowLock[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (history.Count == 0 || Position(change).CompareTo(Position(history[^1])) > 0)
            {
                if (history.Count > 0 && change.Timestamp < history[^1].Timestamp)
                    throw new InvalidOperationException($"lock change at block {change.Block} is older than the last one");
                before[i] = history.Count == 0 ? EscrowLock.None : history[^1].Lock;
                history.Add(change);
                applied++;
                continue;
            }
            var at = history.BinarySearch(change, PositionOrder.Instance);
            if (at < 0 || history[at] != change)
                throw new InvalidOperationException(
                    $"lock change at block {change.Block}/{change.LogIndex} disagrees with the mirrored history (a reorg missed?)");
            before[i] = at == 0 ? EscrowLock.None : history[at - 1].Lock;
        }
        return before;
    }

    /// <summary>Removes every change at or after <paramref name="fromBlock"/>; returns how many.</summary>
    public static int RollbackLocks(List<EscrowLockChange> history, long fromBlock) => history.RemoveAll(c => c.Block >= fromBlock);

    private static (long, int) Position(EscrowLockChange c) => (c.Block, c.LogIndex);

    private static string Explain(EscrowRefusal refusal, EscrowLock current, long now) => refusal switch
    {
        EscrowRefusal.ZeroAmount => "the amount must be positive",
        EscrowRefusal.LockExists => $"a lock of {current.Amount} until {current.UnlockTime} exists; withdraw it first",
        EscrowRefusal.NoLock => "there is no lock",
        EscrowRefusal.LockExpired => $"the lock expired at {current.UnlockTime}",
        EscrowRefusal.LockNotExpired => $"the lock runs until {current.UnlockTime}",
        EscrowRefusal.UnlockNotInFuture => $"the unlock, rounded down to a week, is not after {now}",
        EscrowRefusal.UnlockTooFar => $"the unlock, rounded down to a week, is after {now + MaxTime} (4 years)",
        _ => $"the unlock, rounded down to a week, is not after the current {current.UnlockTime}",
    };

    private sealed class PositionOrder : IComparer<EscrowLockChange>
    {
        public static readonly PositionOrder Instance = new();

        public int Compare(EscrowLockChange x, EscrowLockChange y) => Position(x).CompareTo(Position(y));
    }
}
