using Blocktrack.Grains.Interfaces;
using Orleans.Utilities;

namespace Blocktrack.Grains.Proposals;

/// <summary>
/// Pushes of the proposal's changes to its watchers (one per Gateway), instead of every live-tally connection polling:
/// a change marks the proposal changed; one push, <see cref="ProposalWatch.Coalesce"/> later, carries the state then.
/// </summary>
public sealed partial class ProposalGrain
{
    private ObserverManager<IProposalWatcher>? _watchers;
    private bool _pushDue;

    private ObserverManager<IProposalWatcher> Watchers => _watchers ??= new(ProposalWatch.Expiry, log);

    public Task<ProposalInfo> Watch(IProposalWatcher watcher)
    {
        Watchers.Subscribe(watcher, watcher);
        return Info();
    }

    public Task Unwatch(IProposalWatcher watcher)
    {
        _watchers?.Unsubscribe(watcher);
        return Task.CompletedTask;
    }

    /// <summary>Something a watcher shows may have changed (a shard's batch became durable, the state moved).</summary>
    private void Changed()
    {
        if (_pushDue || _watchers is not { Count: > 0 }) return;
        _pushDue = true;
        _ = PushSoon();
    }

    private async Task PushSoon()
    {
        try
        {
            // Pacing is infrastructure, not governance time: the real clock, even when tests fake the governance one (and a
            // grain timer would run on the faked clock). One delay per push, not a loop: it runs only after a change.
            await Task.Delay(ProposalWatch.Coalesce, TimeProvider.System);
            _pushDue = false;
            var info = await Info();
            await Watchers.Notify(w => w.OnChanged(info));
        }
        catch (Exception e)
        {
            _pushDue = false;
            log.WatchPushFailed(e, Id); // watchers renew and read the proposal then; nothing is lost but freshness
        }
    }
}
