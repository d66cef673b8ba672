using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Blocktrack.Silo;

/// <summary>
/// How a silo or Gateway stops on SIGTERM (scale-in, rolling upgrade), bound from <c>Shutdown</c>. Orleans' own StopAsync
/// does the silo's part — it stops taking activations, deactivates every grain (a ballot shard first finishes the
/// batch it is writing) and leaves membership — all within <see cref="Timeout"/>, which must stay below the pod's
/// <c>terminationGracePeriodSeconds</c> or the kubelet kills the process half way.
/// </summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>The host's <see cref="HostOptions.ShutdownTimeout"/>: everything stopping may take in all.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// Gateway only: how long it keeps answering new requests 503 <c>shutting-down</c> (and finishing those in flight)
    /// before it stops listening, so a load balancer that still sends it traffic sees it leave; part of <see cref="Timeout"/>.
    /// </summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.Zero;

    public const string ValidationMessage =
        "Shutdown settings are invalid: Timeout must be positive and DrainDelay at least zero and shorter than Timeout.";

    public static bool IsValid(ShutdownOptions o) => o.Timeout > TimeSpan.Zero && o.DrainDelay >= TimeSpan.Zero && o.DrainDelay < o.Timeout;
}

public static class GracefulShutdown
{
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ShutdownOptions>().Bind(config.GetSection(ShutdownOptions.Section))
            .Validate(ShutdownOptions.IsValid, ShutdownOptions.ValidationMessage).ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);
        return services;
    }
}
