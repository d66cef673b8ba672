using Blocktrack.Grains;
using Blocktrack.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Blocktrack.Storage.Tests;

/// <summary>A running one-silo cluster of one storage profile, whose providers the contract tests drive directly.</summary>
public abstract class StorageBackend : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public abstract string Name { get; }

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The backend has not started.");

    public IServiceProvider Services => Cluster.GetSiloServiceProvider();

    public IGrainStorage GrainStorage => Services.GetRequiredKeyedService<IGrainStorage>(GovernanceStorage.Name);

    public IReminderTable Reminders => Services.GetRequiredService<IReminderTable>();

    public IBallotLog Ballots => Services.GetRequiredService<IBallotLog>();

    /// <summary>The log's rows as stored: sequence number, payload bytes and ballot count, in sequence order.</summary>
    public abstract Task<IReadOnlyList<(long Seq, byte[] Payload, int Count)>> RawBallotsAsync(string logId);

    /// <summary>
    /// Stores a row behind the log's back: with <paramref name="count"/>, or without naming the column at all, as builds
    /// before rows held batches wrote them.
    /// </summary>
    public abstract Task InsertRawBallotAsync(string logId, byte[] payload, int? count);

    /// <summary>Tries to change and to delete the log's stored rows behind the log's back; each attempt should throw.</summary>
    public abstract Task<IReadOnlyList<Exception?>> TamperWithBallotsAsync(string logId);

    /// <summary>Settings of the profile under test (<c>Orleans:Profile</c> and what it needs).</summary>
    protected abstract Task<Dictionary<string, string?>> PrepareAsync();

    protected virtual ValueTask CleanUpAsync() => ValueTask.CompletedTask;

    public async Task InitializeAsync() => _cluster = await TestClusters.StartAsync(await PrepareAsync());

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        await CleanUpAsync();
    }
}
