using System.Threading.Channels;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// One proposal's live feed in this Gateway: a single watch on the proposal grain, renewed every
/// <see cref="GatewayOptions.LiveTallyRenewInterval"/> (which also re-subscribes after a silo failure lost the activation
/// holding it, and picks up whatever a lost push missed), fanned out to every connection watching that proposal. Each
/// connection has a buffer of one update that a newer one replaces: a slow client skips intermediate tallies, never the
/// latest.
/// </summary>
public sealed class ProposalFeed : IProposalWatcher
{
    private readonly Lock _lock = new();
    private readonly HashSet<Channel<LiveUpdate>> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly ProposalFeedHub _hub;
    private readonly IProposalGrain _proposal;
    private IProposalWatcher? _reference;
    private long _renewals;
    private LiveUpdate? _latest;
    private long _pushes;

    internal ProposalFeed(ProposalFeedHub hub, string proposalId)
    {
        _hub = hub;
        ProposalId = proposalId;
        _proposal = hub.Grains.GetGrain<IProposalGrain>(proposalId);
    }

    public string ProposalId { get; }

    public LiveUpdate? Latest
    {
        get { lock (_lock) return _latest; }
    }

    /// <summary>Watches answered by the proposal grain (the first and every renewal).</summary>
    public long Renewals => Interlocked.Read(ref _renewals);

    /// <summary>The reference the proposal grain holds for this feed.</summary>
    public IProposalWatcher? Watcher => _reference;

    /// <summary>Connections reading this feed now.</summary>
    public int Connections
    {
        get { lock (_lock) return _connections.Count; }
    }

    internal void Start()
    {
        _reference = _hub.Grains.CreateObjectReference<IProposalWatcher>(this);
        _ = Renew();
    }

    public Task OnChanged(ProposalInfo info)
    {
        Interlocked.Increment(ref _pushes);
        Publish(LiveUpdate.From(info, _hub.Json));
        return Task.CompletedTask;
    }

    /// <summary>A connection's buffer, holding the latest update already if there is one.</summary>
    internal Channel<LiveUpdate> Add()
    {
        var channel = Channel.CreateBounded<LiveUpdate>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        lock (_lock)
        {
            if (_latest is not null) channel.Writer.TryWrite(_latest);
            _connections.Add(channel);
        }
        return channel;
    }

    /// <summary>Removes a connection; answers true when it was the last one (the hub then stops the feed).</summary>
    internal bool Remove(Channel<LiveUpdate> channel)
    {
        lock (_lock)
        {
            _connections.Remove(channel);
            return _connections.Count == 0;
        }
    }

    internal void Stop()
    {
        _stop.Cancel();
        if (_reference is null) return;
        _proposal.Unwatch(_reference).Ignore();
        _hub.Grains.DeleteObjectReference<IProposalWatcher>(_reference);
    }

    private void Publish(LiveUpdate update)
    {
        lock (_lock)
        {
            if (update == _latest) return;
            _latest = update;
            foreach (var connection in _connections) connection.Writer.TryWrite(update);
        }
    }

    private async Task Renew()
    {
        while (!_stop.IsCancellationRequested)
        {
            var delay = _hub.RenewInterval;
            try
            {
                var pushesBefore = Interlocked.Read(ref _pushes);
                var info = await _proposal.Watch(_reference!);
                Interlocked.Increment(ref _renewals);
                // A push that came in meanwhile may be newer than this answer; the next change or renewal brings what follows.
                if (Interlocked.Read(ref _pushes) == pushesBefore) Publish(LiveUpdate.From(info, _hub.Json));
            }
            catch (Exception e) when (!_stop.IsCancellationRequested)
            {
                _hub.WatchFailed(e, ProposalId);
                delay = ProposalFeedHub.RetryAfterFailure;
            }
            try
            {
                // Pacing of the Gateway's own upkeep: the real clock, even when tests fake governance time.
                await Task.Delay(delay, TimeProvider.System, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
