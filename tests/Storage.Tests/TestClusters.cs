using Blocktrack.Silo;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Blocktrack.Storage.Tests;

/// <summary>One-silo in-process clusters whose storage comes from <see cref="SiloConfiguration.AddGovernanceRuntime"/> and the given settings.</summary>
public static class TestClusters
{
    /// <summary>The same <paramref name="serviceId"/> lets a later cluster find what an earlier one stored.</summary>
    public static async Task<InProcessTestCluster> StartAsync(IDictionary<string, string?> settings, string serviceId = "storage-tests")
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddGovernanceRuntime(config));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
