using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Proposals;

/// <summary>
/// How the proposal wakes with no caller: a grain timer at its next deadline and a reminder beside it, and a retry within
/// seconds when a deadline's work failed.
/// </summary>
public sealed partial class ProposalGrain
{
    private const string LifecycleReminder = "lifecycle";

    private IGrainTimer? _timer;

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await AdvanceOrRetry();

    /// <summary>
    /// Two wake-ups for the next deadline: a grain timer, exact while the activation lives (and driven by the
    /// grains' clock, so tests can fast-forward), and a reminder, which survives deactivation and silo restarts.
    /// </summary>
    private async Task Schedule(ProposalState current)
    {
        _timer?.Dispose();
        _timer = null;
        var next = ProposalLifecycle.NextDeadline(Facts(), Now);
        if (next is null || ProposalLifecycle.IsFinal(current))
        {
            var existing = await this.GetReminder(LifecycleReminder);
            if (existing is not null) await this.UnregisterReminder(existing);
            return;
        }
        var due = next.Value - Now;
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        _timer = this.RegisterGrainTimer(static (grain, _) => grain.AdvanceOrRetry(), this,
            new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan, Interleave = true });
        await this.RegisterOrUpdateReminder(LifecycleReminder, due, ReminderPeriod);
    }

    /// <summary>
    /// A deadline whose work failed (say, the database was down while sealing, or the execution threw) is retried within
    /// seconds, not at the next hourly reminder tick, whether the timer or the reminder woke the proposal: both fire at a
    /// deadline, and after a restart only the reminder does.
    /// </summary>
    private async Task AdvanceOrRetry()
    {
        try
        {
            await Advance();
        }
        catch (Exception e) when (S.Setup is not null)
        {
            log.DeadlineRetry(e, Id, RetryAfterFailure);
            WakeAfter(RetryAfterFailure);
            throw;
        }
    }

    private void WakeAfter(TimeSpan due)
    {
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(static (grain, _) => grain.AdvanceOrRetry(), this,
            new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan, Interleave = true });
    }

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    /// <summary>A missed or early reminder tick only re-evaluates, so an hourly period is a cheap safety net.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromHours(1);
}
