using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Audit;

/// <summary>
/// Delivers the audit acts a grain saved with its own changes, in order, once each (the log is idempotent by cause). The act
/// is already durable, so a failed delivery does not fail the act: it stays queued for the next change or activation.
/// </summary>
public sealed class AuditDelivery(IGrainFactory grains, Func<List<AuditAct>> pending, Func<Task> save, ILogger log)
{
    private readonly OutboxDelivery<AuditAct> _outbox = new(pending,
        act => grains.GetGrain<IAuditLogGrain>(0).Append(act), save, (e, act) => log.AuditRetry(e, act.Cause));

    public async Task Deliver()
    {
        if (pending().Count == 0) return;
        try
        {
            await _outbox.Deliver();
        }
        catch (Exception)
        {
            // Logged by the outbox with the cause; the act waits in the grain's state.
        }
    }
}
