using Blocktrack.Silo;
using Orleans.Configuration;

namespace Blocktrack.Gateway;

/// <summary>The one place that decides how the Gateway reaches the cluster: co-hosting a silo, or as a client.</summary>
public static class OrleansHosting
{
    /// <summary>A short description for the startup line.</summary>
    public static string Describe(IConfiguration config) =>
        CoHostsSilo(config) ? $"{SiloConfiguration.Profile(config)} (co-hosted silo)" : $"{SiloConfiguration.Profile(config)} (client)";

    /// <summary>The embedded profile co-hosts a silo unless <c>Orleans:CoHost</c> is false (then a silo runs elsewhere on this machine).</summary>
    public static bool CoHostsSilo(IConfiguration config) =>
        SiloConfiguration.Profile(config) == SiloConfiguration.EmbeddedProfile && config.GetValue("Orleans:CoHost", true);

    public static WebApplicationBuilder AddGovernanceCluster(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (CoHostsSilo(config))
        {
            // Grain calls from HTTP handlers go through the co-hosted silo's client, which shares its activity propagation.
            builder.UseOrleans(silo => silo.ConfigureGovernanceSilo(config));
            return builder;
        }

        var profile = SiloConfiguration.Profile(config);
        if (profile != SiloConfiguration.EmbeddedProfile)
            throw new InvalidOperationException($"Orleans:Profile '{profile}' has no client-only Gateway mode yet; use '{SiloConfiguration.EmbeddedProfile}'.");
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(config.GetValue("Orleans:GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT));
            // Not co-hosted, so the client needs its own propagation for traces to flow from HTTP into grain calls.
            client.AddActivityPropagation();
        });
        return builder;
    }
}
