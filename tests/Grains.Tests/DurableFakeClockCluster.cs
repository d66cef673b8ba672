using System.Collections.Concurrent;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Silo;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Blocktrack.Grains.Tests;

/// <summary>
/// A one-silo cluster of a test's own on the embedded profile (SQLite under a temp folder) and a fake clock, that can be
/// stopped and started again on the same storage and service id, as a silo restart does; the clock survives the restart.
/// </summary>
public sealed class DurableFakeClockCluster : IFakeClockCluster, IAsyncDisposable
{
    private readonly TempDirectory _data = new();
    private readonly string _serviceId = $"durable-{Guid.NewGuid():N}";
    private InProcessTestCluster? _cluster;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    /// <summary>What the silo sends on chain; shared by every start, so a test can make it fail in one and succeed in the next.</summary>
    public RecordingExecutor Executor { get; } = new();

    public IGrainFactory Grains => _cluster?.Client ?? throw new InvalidOperationException("the cluster is stopped");

    public async Task StartAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:Profile"] = SiloConfiguration.EmbeddedProfile, ["Orleans:DataDirectory"] = _data.Path,
        };
        _cluster = await InProcessClusters.StartAsync(settings, builder =>
        {
            builder.Options.ServiceId = _serviceId;
            builder.Options.ConfigureFileLogging = false;
            builder.ConfigureSilo((_, silo) =>
            {
                silo.Services.UseGovernanceClock(Clock);
                silo.Services.AddSingleton<IChainExecutor>(Executor);
            });
        });
    }

    /// <summary>Stops the silo (its activations and timers end; what it saved stays) and starts a new one on the same storage.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    private async Task StopAsync()
    {
        if (_cluster is null) return;
        await _cluster.DisposeAsync();
        _cluster = null;
    }

    /// <summary>
    /// Polls until <paramref name="done"/>, moving the clock a minute before each read: after a restart only reminders
    /// wake the grains, and they tick on the fake clock. The wait outlasts <see cref="ReminderLoadLimit"/>.
    /// </summary>
    public Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what) =>
        Eventually.Until(() =>
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            return read();
        }, done, ReminderLoadLimit, what);

    /// <summary>
    /// A restarted silo's reminder service loads the reminder table when it starts; when that first read does not finish
    /// in time (a loaded CI machine starting many silos at once) Orleans tries again 30 s later, in real time, which no
    /// fake clock moves. CI once ran out of the default 30 s wait here (2026-12-03), most likely so: no credit after 30 s.
    /// </summary>
    private static readonly TimeSpan ReminderLoadLimit = TimeSpan.FromSeconds(90);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}

/// <summary>
/// A chain executor that records the batches it executes, idempotent per operation as a TimelockController is (a repeated
/// operation sends nothing and succeeds); while <see cref="Failing"/> every batch fails as an unreachable node would, and
/// the next <see cref="ThrowTimes"/> batches throw, as a call that timed out or a dropped connection does.
/// </summary>
public sealed class RecordingExecutor : IChainExecutor
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<OnChainCall>> _executed = new();

    private int _attempts;

    public bool Failing { get; set; }

    private int _throwTimes;

    public int ThrowTimes
    {
        get => Volatile.Read(ref _throwTimes);
        set => Volatile.Write(ref _throwTimes, value);
    }

    public IReadOnlyDictionary<string, IReadOnlyList<OnChainCall>> Executed => _executed;

    public int Attempts => Volatile.Read(ref _attempts);

    public static string HashOf(string operation) => "0x" + Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(operation)));

    private bool TakeThrow()
    {
        int left;
        do
        {
            left = ThrowTimes;
            if (left <= 0) return false;
        }
        while (Interlocked.CompareExchange(ref _throwTimes, left - 1, left) != left);
        return true;
    }

    public bool CanExecute(long chain) => true;

    public Task<OnChainOutcome> ExecuteBatch(long chain, IReadOnlyList<OnChainCall> calls, string operation, string? timelock = null,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _attempts);
        if (TakeThrow()) throw new TimeoutException("the node did not answer in time");
        if (Failing) return Task.FromResult(new OnChainOutcome(false, "connection refused", []));
        if (!_executed.TryAdd(operation, calls)) return Task.FromResult(new OnChainOutcome(true, null, []));
        var tx = new ChainTransaction { Chain = chain, Purpose = "executeBatch", Hash = HashOf(operation), Succeeded = true };
        return Task.FromResult(new OnChainOutcome(true, null, [tx]));
    }

    /// <summary>No account is driven here: binding a treasury on chain needs a real TimelockController (the chain tests).</summary>
    public Task<bool> Controls(long chain, string account, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public (long Chain, string Contract)? BadgeContract => null;

    public long? AnchorChain => null;

    public Task<ChainTransaction> Anchor(string function, object?[] arguments, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("no anchor in this cluster");

    public Task<object?[]> ReadAnchor(string function, object?[] arguments, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("no anchor in this cluster");
}
