using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>Configured chains (from the silos' registry) with their watchers' status, judged healthy or not.</summary>
public static class ChainHealth
{
    /// <summary>How long one watcher may take to report; a watcher busy with a long poll answers after it.</summary>
    public static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Every configured chain, by id (empty when none is configured).</summary>
    public static async Task<IReadOnlyList<ChainView>> All(IGrainFactory grains, TimeProvider time)
    {
        var chains = await grains.GetGrain<IChainRegistryGrain>(0).GetChains();
        return await Task.WhenAll(chains.Select(c => Of(grains, time, c)));
    }

    /// <summary>One configured chain, or null when it is not configured.</summary>
    public static async Task<ChainView?> One(IGrainFactory grains, TimeProvider time, long chainId)
    {
        var chains = await grains.GetGrain<IChainRegistryGrain>(0).GetChains();
        return chains.FirstOrDefault(c => c.Id == chainId) is { } chain ? await Of(grains, time, chain) : null;
    }

    private static async Task<ChainView> Of(IGrainFactory grains, TimeProvider time, ChainInfo chain)
    {
        WatcherStatus? status;
        try
        {
            status = await grains.GetGrain<IChainWatcherGrain>(chain.Id).GetStatus().WaitAsync(StatusTimeout);
        }
        catch (TimeoutException)
        {
            status = null;
        }
        var problem = Judge(chain, status, time.GetUtcNow());
        return new ChainView(chain.Id, chain.Name, chain.Endpoint, chain.Confirmations, chain.PollInterval, chain.Tokens,
            chain.Governors, chain.Escrows, problem is null, problem, status);
    }

    /// <summary>Null when the watcher is healthy; otherwise why not.</summary>
    public static string? Judge(ChainInfo chain, WatcherStatus? status, DateTimeOffset now)
    {
        if (status is null) return $"the watcher did not answer within {StatusTimeout.TotalSeconds:0} s";
        if (status.LastPollAt is not { } polled) return "the watcher has not polled its node yet";
        if (!status.Healthy) return $"the last poll failed: {status.LastError}";
        // A watcher whose timer stopped would keep its last good status forever.
        var stale = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, chain.PollInterval.Ticks * 10));
        return now - polled > stale ? $"the watcher has not polled since {polled:O}" : null;
    }
}
