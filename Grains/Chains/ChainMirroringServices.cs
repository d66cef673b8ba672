using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime;

namespace Blocktrack.Grains.Chains;

/// <summary>Services of chain mirroring beyond the watcher's reader: the Governor reader and the watcher starter.</summary>
public static class ChainMirroringServices
{
    public static IServiceCollection AddChainMirroring(this IServiceCollection services)
    {
        services.TryAddSingleton<IGovernorReaderFactory, RpcGovernorReaderFactory>();
        services.AddSingleton<ChainWatcherStarter>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ChainWatcherStarter>());
        return services;
    }
}
