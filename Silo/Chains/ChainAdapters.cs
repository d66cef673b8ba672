using Blocktrack.Grains.Chains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Blocktrack.Silo.Chains;

/// <summary>The adapters that talk to nodes (over Nethereum), behind the interfaces the chain grains use.</summary>
public static class ChainAdapters
{
    /// <summary>Registers them unless a host registered its own first (tests bring fakes).</summary>
    public static IServiceCollection AddChainAdapters(this IServiceCollection services)
    {
        services.TryAddSingleton<RpcReaders>();
        services.TryAddSingleton<IChainReaderFactory>(sp => sp.GetRequiredService<RpcReaders>());
        services.TryAddSingleton<IGovernorReaderFactory>(sp => sp.GetRequiredService<RpcReaders>());
        services.TryAddSingleton<IChainExecutor, TimelockExecutor>();
        return services;
    }
}
