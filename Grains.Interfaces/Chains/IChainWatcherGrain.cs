using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Mirrors one chain (keyed by chain id) into voter grains, reorg-safe, behind a confirmation depth.</summary>
[Alias("bt.IChainWatcherGrain")]
public interface IChainWatcherGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the watcher is polling (a reminder keeps it alive across restarts).</summary>
    [Alias("Start")] Task<WatcherStatus> Start();

    /// <summary>Runs one poll now: reorg check, then mirror whatever new blocks are confirmed.</summary>
    [Alias("Poll")] Task<WatcherStatus> Poll();

    /// <summary>Head, cursor, lag and last error.</summary>
    [AlwaysInterleave, Alias("GetStatus")] Task<WatcherStatus> GetStatus();
}
