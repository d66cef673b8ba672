using Blocktrack.Silo.Storage;
using Blocktrack.Silo.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace Blocktrack.Silo;

/// <summary>How an Orleans client that hosts no silo (e.g. the Gateway) finds the cluster of the configured profile.</summary>
public static class ClientConfiguration
{
    /// <summary>
    /// Clustering and cluster identity for the profile: a localhost gateway (<c>Orleans:GatewayPort</c>) for the
    /// embedded and memory profiles, the PostgreSQL membership table for the cluster profile. Tracing is left to the caller.
    /// </summary>
    public static IClientBuilder ConfigureGovernanceClient(this IClientBuilder client, IConfiguration config)
    {
        var settings = OrleansSettings.From(config);
        switch (settings.Profile)
        {
            case SiloConfiguration.EmbeddedProfile or SiloConfiguration.MemoryProfile:
                client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
                break;
            case SiloConfiguration.ClusterProfile:
                var connectionString = settings.RequireConnectionString();
                client.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = settings.ClusterId;
                    options.ServiceId = settings.ServiceId;
                });
                client.UseAdoNetClustering(options =>
                {
                    options.Invariant = PostgresDatabase.Invariant;
                    options.ConnectionString = connectionString;
                });
                client.Services.AddStorageExceptionSerialization();
                break;
            default:
                throw SiloConfiguration.UnknownProfile(settings.Profile);
        }
        return client.AddGovernanceTuning(config);
    }
}
