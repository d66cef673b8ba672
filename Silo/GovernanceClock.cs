using Microsoft.Extensions.DependencyInjection;
using Orleans.Reminders;
using Orleans.Runtime;

namespace Blocktrack.Silo;

/// <summary>Drives governance time (grains, their timers and reminders) with a given clock, e.g. a fake one in tests.</summary>
public static class GovernanceClock
{
    /// <summary>
    /// Makes <paramref name="clock"/> the default time of grains and reminders, while Orleans's own machinery
    /// (messaging timeouts, membership, directory, activation collection) keeps real time: advancing a test clock
    /// by days must fire deadlines, not time out requests or collect every activation.
    /// </summary>
    public static IServiceCollection UseGovernanceClock(this IServiceCollection services, TimeProvider clock)
    {
        services.AddSingleton(clock);
        services.AddKeyedSingleton(TimeProviderNames.Grains, clock);
        services.AddKeyedSingleton(ReminderTimeProviderNames.Reminders, clock);
        foreach (var realTime in new[]
                 {
                     TimeProviderNames.Messaging, TimeProviderNames.SystemTimers, TimeProviderNames.Membership,
                     TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory,
                 })
        {
            services.AddKeyedSingleton(realTime, TimeProvider.System);
        }
        return services;
    }
}
