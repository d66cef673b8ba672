using Microsoft.Extensions.Configuration;
using Orleans.Hosting.Kubernetes;

namespace Blocktrack.Silo.Profiles;

/// <summary>
/// The cluster profile in Kubernetes pods: ADO.NET clustering and storage on PostgreSQL as <see cref="ClusterProfile"/>,
/// plus Orleans' Kubernetes hosting — silo name, advertised address and ids from the pod's downward-API environment,
/// and silos whose pods are gone removed from membership. Outside a pod it is exactly the cluster profile.
/// </summary>
public sealed class KubernetesProfile(IConfiguration config) : ClusterProfile
{
    /// <summary>Set by the kubelet in every pod; absent anywhere else.</summary>
    public const string ServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    public override string Name => SiloConfiguration.KubernetesProfile;

    /// <summary>
    /// True in a pod whose manifest passes the pod's name, namespace and IP (downward API); asked of configuration, which
    /// holds the environment, so a test can tell without a pod.
    /// </summary>
    public bool InPod => !string.IsNullOrEmpty(config[ServiceHostVariable])
        && new[] { KubernetesHostingOptions.PodNameEnvironmentVariable, KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
            KubernetesHostingOptions.PodIPEnvironmentVariable }.All(v => !string.IsNullOrEmpty(config[v]));

    public override void UseClustering(ISiloBuilder silo, OrleansOptions options)
    {
        base.UseClustering(silo, options);
        if (!InPod) return;
        // Registered after the cluster profile's endpoints, so the pod's address and ids (read from the environment) win.
        silo.UseKubernetesHosting();
    }
}
