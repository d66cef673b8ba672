using Blocktrack.Silo;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// A stopping Gateway (SIGTERM) refuses new requests with 503 <c>shutting-down</c>, <c>Retry-After</c> and
/// <c>Connection: close</c>, so clients retry on another replica, while the requests already in flight run to their
/// answer: Kestrel waits for them, and the cluster client (or co-hosted silo) stops only after Kestrel.
/// </summary>
public sealed class DrainingMiddleware(RequestDelegate next, IHostApplicationLifetime lifetime)
{
    /// <summary>Long enough for a load balancer to have moved the client elsewhere.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public Task InvokeAsync(HttpContext context)
    {
        if (!lifetime.ApplicationStopping.IsCancellationRequested) return next(context);
        context.Response.Headers.Connection = "close";
        throw new ApiProblemException(ErrorCodes.ShuttingDown,
            "This Gateway is shutting down and finishes only the requests it already took; send this one again.")
        { RetryAfter = RetryAfter };
    }
}

/// <summary>
/// Holds the stop for <see cref="ShutdownOptions.DrainDelay"/> before Kestrel stops listening: Kubernetes removes a
/// terminating pod from its Service while it already runs SIGTERM, so requests still arrive for a moment, and they should
/// get a 503 to retry rather than a refused connection.
/// </summary>
public sealed class DrainDelay(IOptions<ShutdownOptions> options) : IHostedLifecycleService
{
    // Runs after ApplicationStopping is signalled and before any hosted service (Kestrel, the cluster client) stops.
    public Task StoppingAsync(CancellationToken cancellationToken) =>
        options.Value.DrainDelay > TimeSpan.Zero ? Task.Delay(options.Value.DrainDelay, cancellationToken) : Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
