using Blocktrack.Silo;
using Blocktrack.Silo.Profiles;
using Orleans.Dashboard;
using Orleans.Configuration;

namespace Blocktrack.Gateway;

/// <summary>The one place that decides how the Gateway reaches the cluster: co-hosting a silo, or as a client.</summary>
public static class OrleansHosting
{
    /// <summary>A short description for the startup line.</summary>
    public static string Describe(IConfiguration config) =>
        CoHostsSilo(config) ? $"{SiloConfiguration.Profile(config)} (co-hosted silo)" : $"{SiloConfiguration.Profile(config)} (client)";

    /// <summary>
    /// The embedded and memory profiles co-host a silo unless <c>Orleans:CoHost</c> is false (then a silo runs elsewhere
    /// on this machine); the cluster and kubernetes profiles are always clients of the silos in the PostgreSQL membership table.
    /// </summary>
    public static bool CoHostsSilo(IConfiguration config) =>
        !StorageProfile.For(SiloConfiguration.Profile(config), config).SilosRunApart && config.GetValue("Orleans:CoHost", true);

    public static WebApplicationBuilder AddGovernanceCluster(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (CoHostsSilo(config))
        {
            // Grain calls from HTTP handlers go through the co-hosted silo's client, which shares its activity propagation.
            builder.UseOrleans(silo => silo.ConfigureGovernanceSilo(config));
            return builder;
        }

        builder.UseOrleansClient(client =>
        {
            client.ConfigureGovernanceClient(config);
            // Not co-hosted, so the client needs its own propagation for traces to flow from HTTP into grain calls.
            client.AddActivityPropagation();
            // The silos hold the dashboard's grains; the client serves its pages (GatewayApp maps them behind the operator key).
            if (SiloConfiguration.DashboardEnabled(config)) client.AddDashboard();
        });
        return builder;
    }
}
