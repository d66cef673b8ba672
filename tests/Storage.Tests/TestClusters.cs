using Blocktrack.Silo;
using Orleans.TestingHost;

namespace Blocktrack.Storage.Tests;

/// <summary>One-silo in-process clusters whose storage comes from <see cref="SiloConfiguration.AddGovernanceRuntime"/> and the given settings.</summary>
public static class TestClusters
{
    /// <summary>The same <paramref name="serviceId"/> lets a later cluster find what an earlier one stored.</summary>
    public static Task<InProcessTestCluster> StartAsync(IDictionary<string, string?> settings, string serviceId = "storage-tests") =>
        InProcessClusters.StartAsync(settings, builder =>
        {
            builder.Options.ServiceId = serviceId;
            builder.Options.ConfigureFileLogging = false;
        });
}
