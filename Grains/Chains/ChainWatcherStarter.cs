using Blocktrack.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Blocktrack.Grains.Chains;

/// <summary>
/// Starts the watcher of every configured chain once this silo is active. Every silo does so; Start is idempotent, and
/// the watcher's reminder keeps it running afterwards. The silo does not wait: a watcher that cannot start yet (storage
/// or reminders still warming up) is retried in the background, so a chain problem never blocks the cluster.
/// </summary>
public sealed partial class ChainWatcherStarter(IOptions<ChainsOptions> options, IGrainFactory grains, ILogger<ChainWatcherStarter> log)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private const int MaxAttempts = 12;

    private readonly CancellationTokenSource _stopping = new();
    private Task _starting = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ChainWatcherStarter), ServiceLifecycleStage.Active, OnActive, OnStop);

    private Task OnActive(CancellationToken cancellationToken)
    {
        var chains = options.Value.Chains;
        if (chains.Count == 0) return Task.CompletedTask;
        _starting = Task.WhenAll(chains.Select(c => StartWatcher(c.Id, _stopping.Token)));
        return Task.CompletedTask;
    }

    private async Task OnStop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _starting.WaitAsync(cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private async Task StartWatcher(long chainId, CancellationToken stopping)
    {
        for (var attempt = 1; !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                var status = await grains.GetGrain<IChainWatcherGrain>(chainId).Start();
                LogStarted(log, chainId, status.Name, status.Cursor);
                return;
            }
            catch (Exception e) when (attempt < MaxAttempts && !stopping.IsCancellationRequested)
            {
                LogRetry(log, chainId, attempt, e.Message);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                // The reminder of an already registered watcher may still bring it back; say loudly that this silo gave up.
                LogGaveUp(log, e, chainId, attempt);
                return;
            }
            try
            {
                await Task.Delay(RetryDelay, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain {Chain} ({Name}): watcher started at cursor {Cursor}")]
    private static partial void LogStarted(ILogger logger, long chain, string name, long cursor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain {Chain}: watcher did not start (attempt {Attempt}), retrying: {Error}")]
    private static partial void LogRetry(ILogger logger, long chain, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chain {Chain}: watcher did not start after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long chain, int attempts);
}
