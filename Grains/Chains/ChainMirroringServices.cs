using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Blocktrack.Grains.Chains;

/// <summary>Services of chain mirroring beyond the node adapters (registered by the host): the watcher starter.</summary>
public static class ChainMirroringServices
{
    public static IServiceCollection AddChainMirroring(this IServiceCollection services)
    {
        services.AddSingleton<ChainWatcherStarter>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ChainWatcherStarter>());
        return services;
    }
}
