using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// The Gateway's live feeds: one <see cref="ProposalFeed"/> per proposal that has connections, started by the first and
/// stopped when the last one leaves, however many connections watch it.
/// </summary>
public sealed partial class ProposalFeedHub(
    IGrainFactory grains, IOptions<GatewayOptions> options, IOptions<JsonOptions> json, ILogger<ProposalFeedHub> log)
    : IDisposable
{
    /// <summary>How soon a failed watch (cluster trouble) is tried again.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ProposalFeed> _feeds = [];

    internal IGrainFactory Grains => grains;

    internal JsonSerializerOptions Json => json.Value.SerializerOptions;

    internal TimeSpan RenewInterval => options.Value.LiveTallyRenewInterval;

    /// <summary>The feed of a proposal while it has connections, else null.</summary>
    public ProposalFeed? Feed(string proposalId)
    {
        lock (_lock) return _feeds.GetValueOrDefault(proposalId);
    }

    /// <summary>A connection to a proposal's feed; dispose it when the connection ends.</summary>
    public Subscription Subscribe(string proposalId)
    {
        lock (_lock)
        {
            if (!_feeds.TryGetValue(proposalId, out var feed))
            {
                _feeds[proposalId] = feed = new ProposalFeed(this, proposalId);
                feed.Start();
            }
            return new Subscription(this, feed, feed.Add());
        }
    }

    internal void WatchFailed(Exception e, string proposalId) => WatchFailed(log, e, proposalId, RetryAfterFailure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live tally of {Proposal}: watching failed, trying again in {Delay}")]
    private static partial void WatchFailed(ILogger log, Exception error, string proposal, TimeSpan delay);

    private void Leave(ProposalFeed feed, Channel<LiveUpdate> channel)
    {
        lock (_lock)
        {
            if (!feed.Remove(channel) || _feeds.GetValueOrDefault(feed.ProposalId) != feed) return;
            _feeds.Remove(feed.ProposalId);
        }
        feed.Stop();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var feed in _feeds.Values) feed.Stop();
            _feeds.Clear();
        }
    }

    /// <summary>One connection's place in a feed: its updates, latest last, and leaving.</summary>
    public sealed class Subscription(ProposalFeedHub hub, ProposalFeed feed, Channel<LiveUpdate> channel) : IDisposable
    {
        private int _left;

        public ChannelReader<LiveUpdate> Updates => channel.Reader;

        public LiveUpdate? Latest => feed.Latest;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) hub.Leave(feed, channel);
        }
    }
}
