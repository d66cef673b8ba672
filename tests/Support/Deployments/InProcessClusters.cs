using Blocktrack.Silo;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Blocktrack.Tests.Support;

/// <summary>
/// One-silo in-process clusters configured as production configures a silo, from a settings dictionary: the runtime
/// from <see cref="SiloConfiguration.AddGovernanceRuntime"/> (storage per profile, chain watchers per <c>Chains</c>).
/// </summary>
public static class InProcessClusters
{
    /// <summary>A deployed cluster; <paramref name="configure"/> adjusts the builder (service id, extra services) first.</summary>
    public static async Task<InProcessTestCluster> StartAsync(
        IDictionary<string, string?> settings, Action<InProcessTestClusterBuilder>? configure = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(1);
        // The silo host reads the same settings, so options bound from its own configuration agree with the runtime's.
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(settings));
        builder.ConfigureSilo((_, silo) => silo.AddGovernanceRuntime(config));
        configure?.Invoke(builder);
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
