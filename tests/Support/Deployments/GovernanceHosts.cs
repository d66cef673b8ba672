using Blocktrack.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Tests.Support;

/// <summary>Real silo and client hosts configured exactly as production configures them, from a settings dictionary.</summary>
public static class GovernanceHosts
{
    /// <summary>A started silo host: <see cref="SiloConfiguration.ConfigureGovernanceSilo"/> with the settings' profile, clustering included.</summary>
    public static Task<IHost> StartSiloAsync(IDictionary<string, string?> settings) =>
        StartAsync(settings, builder => builder.UseOrleans(silo => silo.ConfigureGovernanceSilo(builder.Configuration)));

    /// <summary>A started client-only host: <see cref="ClientConfiguration.ConfigureGovernanceClient"/>, as the Gateway uses it.</summary>
    public static Task<IHost> StartClientAsync(IDictionary<string, string?> settings) =>
        StartAsync(settings, builder => builder.UseOrleansClient(client => client.ConfigureGovernanceClient(builder.Configuration)));

    /// <summary>The grain factory of a silo or client host.</summary>
    public static IGrainFactory Grains(this IHost host) => host.Services.GetRequiredService<IGrainFactory>();

    private static async Task<IHost> StartAsync(IDictionary<string, string?> settings, Action<HostApplicationBuilder> orleans)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        orleans(builder);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
