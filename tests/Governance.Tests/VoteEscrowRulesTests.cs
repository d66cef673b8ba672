using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Grains.Governance.VoteEscrowRules;

namespace Blocktrack.Governance.Tests;

/// <summary>Locks of the vote escrow: week rounding, the 4-year cap, slope and decay, and what each operation may change.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class VoteEscrowRulesTests
{
    // Thursday 2023-11-09 00:00 UTC, a week boundary of unix time; "now" is 3 days and 5 seconds into that week.
    private const long W = 1_699_488_000;
    private const long Now = W + 3 * 86_400 + 5;
    private static readonly BigInteger Btk = BigInteger.Pow(10, 18);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(Week - 1, 0)]
    [InlineData(Week, Week)]
    [InlineData(1_700_000_000, W)]
    [InlineData(W, W)]
    [InlineData(W + Week - 1, W)]
    public void Unlock_times_round_down_to_a_whole_week(long timestamp, long expected) => Assert.Equal(expected, RoundToWeek(timestamp));

    [Fact]
    public void A_week_is_seven_days_and_the_longest_lock_four_years_of_365_days()
    {
        Assert.Equal(604_800, Week);
        Assert.Equal(126_144_000, MaxTime);
        Assert.Equal(0, W % Week);
        Assert.Equal(GovernanceError.InvalidArgument, Assert.Throws<GovernanceException>(() => RoundToWeek(-1)).Error);
    }

    [Fact]
    public void Creating_a_lock_rounds_the_unlock_down_to_its_week()
    {
        var lockState = Apply(EscrowOperation.CreateLock, EscrowLock.None, 100 * Btk, W + 10 * Week + 4 * 86_400, Now);
        Assert.Equal(new EscrowLock(100 * Btk, W + 10 * Week), lockState);
    }

    [Fact]
    public void An_unlock_that_rounds_down_to_this_week_or_earlier_is_refused()
    {
        Assert.Equal(EscrowRefusal.UnlockNotInFuture, Check(EscrowOperation.CreateLock, EscrowLock.None, Btk, W + Week - 1, Now));
        Assert.Equal(EscrowRefusal.UnlockNotInFuture, Check(EscrowOperation.CreateLock, EscrowLock.None, Btk, Now - 1, Now));
        Assert.Equal(EscrowRefusal.None, Check(EscrowOperation.CreateLock, EscrowLock.None, Btk, W + Week, Now));
        // At a week boundary itself, an unlock of that very second has no power to give.
        Assert.Equal(EscrowRefusal.UnlockNotInFuture, Check(EscrowOperation.CreateLock, EscrowLock.None, Btk, W, W));
    }

    [Fact]
    public void A_lock_is_at_most_four_years_ahead_after_rounding()
    {
        // Mid-week, now + MAXTIME rounds down below the cap, so the longest request is always accepted...
        var longest = Apply(EscrowOperation.CreateLock, EscrowLock.None, Btk, Now + MaxTime, Now);
        Assert.Equal(RoundToWeek(Now + MaxTime), longest.UnlockTime);
        Assert.True(longest.UnlockTime <= Now + MaxTime);
        // ...and on a week boundary exactly MAXTIME is the limit, a week more is too far.
        Assert.Equal(EscrowRefusal.None, Check(EscrowOperation.CreateLock, EscrowLock.None, Btk, W + MaxTime, W));
        Assert.Equal(EscrowRefusal.UnlockTooFar, Check(EscrowOperation.CreateLock, EscrowLock.None, Btk, W + MaxTime + Week, W));
        var running = new EscrowLock(Btk, W + 4 * Week);
        Assert.Equal(EscrowRefusal.UnlockTooFar, Check(EscrowOperation.IncreaseUnlockTime, running, 0, W + MaxTime + Week, W));
    }

    [Fact]
    public void Slope_is_the_amount_over_four_years_rounded_down_and_power_falls_linearly()
    {
        Assert.Equal(new BigInteger(3), Slope(3 * MaxTime + MaxTime - 1));
        Assert.Equal(BigInteger.Zero, Slope(MaxTime - 1));
        var fourYears = new EscrowLock(1_000 * new BigInteger(MaxTime), W + MaxTime);
        Assert.Equal(1_000 * new BigInteger(MaxTime), PowerAt(fourYears, W));
        Assert.Equal(1_000 * new BigInteger(MaxTime / 2), PowerAt(fourYears, W + MaxTime / 2));
        // 100 BTK for one year weigh a quarter of 100 BTK (less the wei lost to rounding the slope).
        var oneYear = new EscrowLock(100 * Btk, W + 52 * Week);
        Assert.Equal(100 * Btk / MaxTime * (52 * Week), PowerAt(oneYear, W));
        Assert.Equal(BigInteger.Parse("24931506849311462400"), PowerAt(oneYear, W)); // 792744799594 wei/s × 31,449,600 s
        Assert.Equal(BigInteger.Zero, PowerAt(new EscrowLock(MaxTime - 1, W + MaxTime), W));
    }

    [Fact]
    public void Power_is_zero_at_and_after_the_unlock()
    {
        var lockState = new EscrowLock(10 * Btk, W + 3 * Week);
        Assert.Equal(Slope(10 * Btk), PowerAt(lockState, W + 3 * Week - 1));
        Assert.Equal(BigInteger.Zero, PowerAt(lockState, W + 3 * Week));
        Assert.Equal(BigInteger.Zero, PowerAt(lockState, W + 30 * Week));
        Assert.Equal(BigInteger.Zero, PowerAt(EscrowLock.None, W));
    }

    [Fact]
    public void Increasing_the_amount_keeps_the_unlock()
    {
        var running = new EscrowLock(10 * Btk, W + 8 * Week);
        var more = Apply(EscrowOperation.IncreaseAmount, running, 5 * Btk, 0, Now);
        Assert.Equal(new EscrowLock(15 * Btk, W + 8 * Week), more);
        Assert.Equal(Slope(15 * Btk) * (W + 8 * Week - Now), PowerAt(more, Now));
        Assert.Equal(EscrowRefusal.ZeroAmount, Check(EscrowOperation.IncreaseAmount, running, 0, 0, Now));
        Assert.Equal(EscrowRefusal.NoLock, Check(EscrowOperation.IncreaseAmount, EscrowLock.None, Btk, 0, Now));
        Assert.Equal(EscrowRefusal.LockExpired, Check(EscrowOperation.IncreaseAmount, running, Btk, 0, W + 8 * Week));
    }

    [Fact]
    public void The_unlock_moves_only_later_and_only_while_the_lock_runs()
    {
        var running = new EscrowLock(10 * Btk, W + 8 * Week);
        var later = Apply(EscrowOperation.IncreaseUnlockTime, running, 0, W + 20 * Week + 5, Now);
        Assert.Equal(new EscrowLock(10 * Btk, W + 20 * Week), later);
        // The same week (a later second rounds down to it) or an earlier one is not later.
        Assert.Equal(EscrowRefusal.UnlockNotLater, Check(EscrowOperation.IncreaseUnlockTime, running, 0, W + 8 * Week + Week - 1, Now));
        Assert.Equal(EscrowRefusal.UnlockNotLater, Check(EscrowOperation.IncreaseUnlockTime, running, 0, W + 4 * Week, Now));
        Assert.Equal(EscrowRefusal.LockExpired, Check(EscrowOperation.IncreaseUnlockTime, running, 0, W + 20 * Week, W + 8 * Week));
        Assert.Equal(EscrowRefusal.NoLock, Check(EscrowOperation.IncreaseUnlockTime, EscrowLock.None, 0, W + 20 * Week, Now));
    }

    [Fact]
    public void Withdrawing_needs_an_expired_lock_and_leaves_none()
    {
        var running = new EscrowLock(10 * Btk, W + 8 * Week);
        Assert.Equal(EscrowRefusal.LockNotExpired, Check(EscrowOperation.Withdraw, running, 0, 0, W + 8 * Week - 1));
        Assert.Equal(EscrowLock.None, Apply(EscrowOperation.Withdraw, running, 0, 0, W + 8 * Week));
        Assert.Equal(EscrowRefusal.NoLock, Check(EscrowOperation.Withdraw, EscrowLock.None, 0, 0, Now));
        // An expired lock still has to be withdrawn before a new one.
        Assert.Equal(EscrowRefusal.LockExists, Check(EscrowOperation.CreateLock, running, Btk, W + 20 * Week, W + 9 * Week));
        Assert.Equal(EscrowRefusal.ZeroAmount, Check(EscrowOperation.CreateLock, EscrowLock.None, 0, W + 20 * Week, Now));
    }

    [Fact]
    public void A_refused_operation_names_the_contract_error()
    {
        var e = Assert.Throws<GovernanceException>(() =>
            Apply(EscrowOperation.IncreaseUnlockTime, new EscrowLock(Btk, W + 8 * Week), 0, W + 2 * Week, Now));
        Assert.Equal(GovernanceError.InvalidArgument, e.Error);
        Assert.StartsWith("UnlockNotLater: ", e.Message);
    }

    [Fact]
    public void The_lock_in_force_is_the_last_change_at_or_before_the_time()
    {
        var a = new EscrowLock(Btk, W + 8 * Week);
        var b = new EscrowLock(2 * Btk, W + 8 * Week);
        var c = new EscrowLock(2 * Btk, W + 12 * Week);
        List<EscrowLockChange> history = [new(10, 0, W + 100, a), new(11, 0, W + 200, b), new(12, 3, W + 200, c)];
        Assert.Equal(EscrowLock.None, LockAt(history, W + 99));
        Assert.Equal(a, LockAt(history, W + 199));
        Assert.Equal(c, LockAt(history, W + 200)); // two blocks in one second: the later one holds
        Assert.Equal(PowerAt(c, W + 5000), PowerAt(history, W + 5000));
    }

    [Fact]
    public void Lock_changes_apply_once_and_answer_the_lock_before_each_also_when_applied_again()
    {
        var a = new EscrowLock(Btk, W + 8 * Week);
        var b = new EscrowLock(3 * Btk, W + 8 * Week);
        var history = new List<EscrowLockChange>();
        EscrowLockChange[] changes = [new(10, 0, W + 100, a), new(14, 2, W + 300, b)];
        Assert.Equal([EscrowLock.None, a], ApplyLocks(history, changes, out var applied));
        Assert.Equal(2, applied);
        // A range mirrored again: nothing new, the same answers; then one more on top.
        Assert.Equal([EscrowLock.None, a, b], ApplyLocks(history, [.. changes, new(15, 0, W + 400, EscrowLock.None)], out applied));
        Assert.Equal(1, applied);
        Assert.Equal(3, history.Count);
        // A change at a known position that says something else means a reorg was missed.
        Assert.Throws<InvalidOperationException>(() => ApplyLocks(history, [new(14, 2, W + 300, a)], out _));
        Assert.Equal(2, RollbackLocks(history, 14));
        Assert.Equal([new EscrowLockChange(10, 0, W + 100, a)], history);
    }
}
