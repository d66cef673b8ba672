using Blocktrack.Grains.Ballots;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Blocktrack.Grains;

/// <summary>Services the governance grains need in a silo.</summary>
public static class GrainServices
{
    /// <summary>Registers the ballot log (in memory unless a durable one was registered first), metrics and the clock.</summary>
    public static IServiceCollection AddGovernanceGrains(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBallotLog, InMemoryBallotLog>();
        services.TryAddSingleton<GovernanceMetrics>();
        services.AddOptions<GovernanceOptions>();
        return services;
    }
}
