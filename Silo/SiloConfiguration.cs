using Blocktrack.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Blocktrack.Silo;

/// <summary>Configures a silo for the storage profile named in configuration (<c>Orleans:Profile</c>).</summary>
public static class SiloConfiguration
{
    public const string EmbeddedProfile = "embedded";

    /// <summary>The profile in force: <c>Orleans:Profile</c>, default <c>embedded</c>.</summary>
    public static string Profile(IConfiguration config) =>
        (config["Orleans:Profile"] ?? EmbeddedProfile).Trim().ToLowerInvariant();

    /// <summary>Clustering, storage, reminders and governance services of one silo.</summary>
    public static ISiloBuilder ConfigureGovernanceSilo(this ISiloBuilder silo, IConfiguration config)
    {
        switch (Profile(config))
        {
            case EmbeddedProfile:
                silo.UseLocalhostClustering(
                    siloPort: config.GetValue("Orleans:SiloPort", EndpointOptions.DEFAULT_SILO_PORT),
                    gatewayPort: config.GetValue("Orleans:GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT));
                break;
            default:
                throw UnknownProfile(config);
        }
        return silo.AddGovernanceRuntime(config);
    }

    /// <summary>Everything but clustering: storage and reminders of the profile, tracing, governance services.</summary>
    public static ISiloBuilder AddGovernanceRuntime(this ISiloBuilder silo, IConfiguration config)
    {
        switch (Profile(config))
        {
            case EmbeddedProfile:
                silo.AddMemoryGrainStorage(GovernanceStorage.Name);
                silo.UseInMemoryReminderService();
                break;
            default:
                throw UnknownProfile(config);
        }
        silo.AddActivityPropagation();
        silo.Services.AddGovernanceGrains();
        return silo;
    }

    private static InvalidOperationException UnknownProfile(IConfiguration config) =>
        new($"Unknown Orleans:Profile '{Profile(config)}'. Known profiles: {EmbeddedProfile}.");
}
