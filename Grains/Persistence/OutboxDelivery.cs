namespace Blocktrack.Grains.Persistence;

/// <summary>
/// Delivers a grain's persisted outbox in order, one loop at a time: the first entry is sent, then removed and the state
/// saved. A failed send leaves it first (the caller's next change, retry or activation delivers it again), so receivers
/// apply entries once by their sequence numbers. <paramref name="forgotten"/> runs once an entry's removal is durable: the
/// sender will never send that entry again, so the receiver may forget its sequence.
/// </summary>
public sealed class OutboxDelivery<T>(
    Func<List<T>> outbox, Func<T, Task> send, Func<Task> save, Action<Exception, T> failed, Action<T>? forgotten = null)
{
    private Task? _running;

    public Task Deliver()
    {
        if (_running is not { IsCompleted: false }) _running = Loop();
        return _running;
    }

    private async Task Loop()
    {
        var entries = outbox();
        while (entries.Count > 0)
        {
            var entry = entries[0];
            try
            {
                await send(entry);
            }
            catch (Exception e)
            {
                failed(e, entry);
                throw;
            }
            entries.RemoveAt(0);
            await save();
            forgotten?.Invoke(entry);
        }
    }
}
