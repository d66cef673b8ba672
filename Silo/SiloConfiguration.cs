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
        var profile = Profile(config);
        switch (profile)
        {
            case EmbeddedProfile:
                silo.UseLocalhostClustering(
                    siloPort: config.GetValue("Orleans:SiloPort", EndpointOptions.DEFAULT_SILO_PORT),
                    gatewayPort: config.GetValue("Orleans:GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT));
                silo.AddMemoryGrainStorage(GovernanceStorage.Name);
                silo.UseInMemoryReminderService();
                break;
            default:
                throw new InvalidOperationException(
                    $"Unknown Orleans:Profile '{profile}'. Known profiles: {EmbeddedProfile}.");
        }

        silo.AddActivityPropagation();
        silo.Services.AddGovernanceGrains();
        return silo;
    }
}
