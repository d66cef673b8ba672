using Microsoft.Extensions.Configuration;

namespace Blocktrack.Silo.Profiles;

/// <summary>
/// One storage profile: how a silo finds its peers, where it keeps grain state, reminders and ballots, and how a client
/// that hosts no silo finds the cluster. Each profile says all of it in one class.
/// </summary>
public abstract class StorageProfile
{
    public abstract string Name { get; }

    /// <summary>Membership and endpoints of a silo.</summary>
    public abstract void UseClustering(ISiloBuilder silo, OrleansOptions options);

    /// <summary>Grain state, reminders and the ballot log of a silo.</summary>
    public abstract void AddStorage(ISiloBuilder silo, OrleansOptions options);

    /// <summary>How an Orleans client reaches the silos of this profile.</summary>
    public abstract void UseClustering(IClientBuilder client, OrleansOptions options);

    /// <summary>Whether silos run in processes of their own, so a Gateway is only their client (never co-hosts one).</summary>
    public virtual bool SilosRunApart => false;

    /// <summary>The only place a profile name is turned into a profile.</summary>
    public static StorageProfile For(string name, IConfiguration config) => name switch
    {
        SiloConfiguration.EmbeddedProfile => new EmbeddedProfile(),
        SiloConfiguration.ClusterProfile => new ClusterProfile(),
        SiloConfiguration.KubernetesProfile => new KubernetesProfile(config),
        SiloConfiguration.MemoryProfile => new MemoryProfile(),
        _ => throw new InvalidOperationException(
            $"Unknown Orleans:Profile '{name}'. Known profiles: {SiloConfiguration.EmbeddedProfile}, " +
            $"{SiloConfiguration.ClusterProfile}, {SiloConfiguration.KubernetesProfile}, {SiloConfiguration.MemoryProfile}."),
    };
}
