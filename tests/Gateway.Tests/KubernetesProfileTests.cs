using Blocktrack.Silo;
using Blocktrack.Silo.Profiles;
using Microsoft.Extensions.Configuration;
using Orleans.Hosting.Kubernetes;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// The kubernetes profile: the cluster profile everywhere, plus Orleans' Kubernetes hosting only inside a pod whose
/// manifest passes the pod's identity; a Gateway on it is a client, never a co-host.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class KubernetesProfileTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) => new ConfigurationBuilder()
        .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))
            .Append(KeyValuePair.Create("Orleans:Profile", (string?)"kubernetes")))
        .Build();

    [Fact]
    public void Outside_a_pod_the_kubernetes_profile_is_the_cluster_profile()
    {
        var config = Config();
        var profile = Assert.IsType<KubernetesProfile>(StorageProfile.For(SiloConfiguration.Profile(config), config));
        Assert.False(profile.InPod);
        Assert.True(profile.SilosRunApart);
        Assert.IsAssignableFrom<ClusterProfile>(profile);
        Assert.False(OrleansHosting.CoHostsSilo(config));
    }

    [Fact]
    public void In_a_pod_with_its_downward_api_environment_the_profile_uses_kubernetes_hosting()
    {
        var pod = new[]
        {
            (KubernetesProfile.ServiceHostVariable, "10.96.0.1"),
            (KubernetesHostingOptions.PodNameEnvironmentVariable, "silo-0"),
            (KubernetesHostingOptions.PodNamespaceEnvironmentVariable, "blocktrack"),
        };
        Assert.False(new KubernetesProfile(Config(pod)).InPod); // no pod IP: the manifest is incomplete, hosting stays off
        Assert.True(new KubernetesProfile(Config([.. pod, (KubernetesHostingOptions.PodIPEnvironmentVariable, "10.244.1.7")])).InPod);
    }
}
