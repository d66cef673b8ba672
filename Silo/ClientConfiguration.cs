using Blocktrack.Silo.Profiles;
using Microsoft.Extensions.Configuration;

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
        var options = OrleansOptions.From(config);
        StorageProfile.For(options.Profile, config).UseClustering(client, options);
        client.Services.AddGrainInterfaceTypeCache();
        return client.AddGovernanceTuning(config);
    }
}
