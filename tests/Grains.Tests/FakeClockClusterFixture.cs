using Blocktrack.Grains.Chains;
using Blocktrack.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Blocktrack.Grains.Tests;

/// <summary>A cluster whose governance time runs on a fake clock: what the scenarios drive.</summary>
public interface IFakeClockCluster
{
    FakeTimeProvider Clock { get; }

    /// <summary>The running cluster's client (a restartable cluster answers its current one).</summary>
    IGrainFactory Grains { get; }
}

/// <summary>One in-process cluster for the whole collection, with governance time on a fake clock.</summary>
public sealed class FakeClockClusterFixture : IAsyncLifetime, IFakeClockCluster
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    public FakeChains Chains { get; } = new();

    public FakeClockClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(1);
        // Each run starts from nothing; the durable profiles have their own tests (tests/Storage.Tests).
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Orleans:Profile"] = "memory" }).Build();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddGovernanceRuntime(config);
            silo.Services.UseGovernanceClock(Clock);
            silo.Services.AddSingleton<IChainReaderFactory>(Chains);
            silo.Services.Configure<ChainsOptions>(o => o.Chains.AddRange(Chains.Options()));
        });
        Cluster = builder.Build();
    }

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FakeClockClusterCollection : ICollectionFixture<FakeClockClusterFixture>
{
    public const string Name = "cluster";
}
