using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Persistence;
using Microsoft.Extensions.Configuration;
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
        services.TryAddSingleton<Analytics.AnalyticsMetrics>();
        services.TryAddSingleton<Analytics.PowerReportRelay>();
        services.TryAddSingleton<Voters.StoredVoters>();
        services.AddChainMirroring();
        services.AddOptions<GovernanceOptions>().BindConfiguration(GovernanceOptions.Section)
            .Validate(GovernanceOptions.IsValid, GovernanceOptions.ValidationMessage).ValidateOnStart();
        services.AddOptions<Audit.AuditOptions>().BindConfiguration(Audit.AuditOptions.Section)
            .Validate(Audit.AuditOptions.IsValid, Audit.AuditOptions.ValidationMessage).ValidateOnStart();
        // The Chains section is a list of chains; bind it from whatever configuration the host has.
        services.AddOptions<ChainsOptions>().Configure<IConfiguration>((options, config) =>
            options.Chains = config.GetSection(ChainsOptions.Section).Get<List<ChainOptions>>() ?? []);
        return services;
    }
}
