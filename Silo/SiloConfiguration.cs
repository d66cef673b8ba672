using Blocktrack.Grains;
using Blocktrack.Silo.Chains;
using Blocktrack.Silo.Profiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;

namespace Blocktrack.Silo;

/// <summary>Configures a silo for the storage profile named in configuration (<c>Orleans:Profile</c>).</summary>
public static class SiloConfiguration
{
    /// <summary>Localhost clustering; grain state, reminders and ballots in a SQLite file under <c>Orleans:DataDirectory</c>.</summary>
    public const string EmbeddedProfile = "embedded";

    /// <summary>Membership, grain state, reminders and ballots in PostgreSQL (<c>ConnectionStrings:Orleans</c>): several silos.</summary>
    public const string ClusterProfile = "cluster";

    /// <summary>The cluster profile plus Orleans' Kubernetes hosting when running in a pod; outside one, the cluster profile.</summary>
    public const string KubernetesProfile = "kubernetes";

    /// <summary>Orleans Dashboard on (default off): silos add its grains, the Gateway serves it behind the operator key.</summary>
    public const string DashboardSetting = "Orleans:Dashboard:Enabled";

    /// <summary>Localhost clustering and everything in memory: fast tests; stopping the process forgets everything.</summary>
    public const string MemoryProfile = "memory";

    /// <summary>The profile in force: <c>Orleans:Profile</c>, default <c>embedded</c>.</summary>
    public static string Profile(IConfiguration config) => OrleansOptions.ProfileOf(config);

    /// <summary>Whether the Orleans Dashboard is on (<c>Orleans:Dashboard:Enabled</c>, default false).</summary>
    public static bool DashboardEnabled(IConfiguration config) => config.GetValue(DashboardSetting, false);

    /// <summary>Clustering, storage, reminders and governance services of one silo.</summary>
    public static ISiloBuilder ConfigureGovernanceSilo(this ISiloBuilder silo, IConfiguration config)
    {
        var options = OrleansOptions.From(config);
        StorageProfile.For(options.Profile, config).UseClustering(silo, options);
        return silo.AddGovernanceRuntime(config);
    }

    /// <summary>
    /// Everything but clustering (so test clusters can bring their own): storage and reminders of the profile, tracing,
    /// governance services.
    /// </summary>
    public static ISiloBuilder AddGovernanceRuntime(this ISiloBuilder silo, IConfiguration config)
    {
        var options = OrleansOptions.From(config);
        StorageProfile.For(options.Profile, config).AddStorage(silo, options);
        silo.AddActivityPropagation();
        silo.AddGovernanceTuning(config);
        silo.Services.AddGrainInterfaceTypeCache();
        if (DashboardEnabled(config)) silo.AddDashboard();
        // After the profile's ballot log: this only adds the in-memory one when no durable log was registered.
        silo.Services.AddGovernanceGrains();
        silo.Services.AddChainAdapters();
        return silo;
    }
}
