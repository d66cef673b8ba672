namespace Blocktrack.Grains.Persistence;

/// <summary>
/// Serialises state writes of a reentrant grain: saves requested while a write is in flight are folded into
/// one more write after it, and every caller's task completes only after a write that includes its change.
/// </summary>
public sealed class CoalescingWriter(Func<Task> write)
{
    private Task? _running;
    private bool _dirty;

    public Task Save()
    {
        _dirty = true;
        // A finished loop cannot see the new change, so start another; a running one will pick it up.
        if (_running is not { IsCompleted: false }) _running = Loop();
        return _running;
    }

    private async Task Loop()
    {
        while (_dirty)
        {
            _dirty = false;
            await write();
        }
    }
}
