using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Blocktrack.Silo;

/// <summary>
/// The probe paths of every process (silo and Gateway alike), the ones the Kubernetes manifests point their startup,
/// liveness and readiness probes at.
/// </summary>
public static class Probes
{
    /// <summary>Liveness: the process answers HTTP.</summary>
    public const string Live = "/healthz";

    /// <summary>Readiness: it serves (a silo: active in membership and not stopping; a Gateway: the cluster answers).</summary>
    public const string Ready = "/readyz";

    /// <summary>A silo's probes: ready only while it is an active member, so a joining or leaving silo gets no traffic.</summary>
    public static IEndpointRouteBuilder MapSiloProbes(this IEndpointRouteBuilder app)
    {
        app.MapGet(Live, () => Results.Ok(new { status = "alive" }));
        app.MapGet(Ready, (ILocalSiloDetails silo, IClusterMembershipService membership, IHostApplicationLifetime lifetime) =>
        {
            var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
            return status == SiloStatus.Active && !lifetime.ApplicationStopping.IsCancellationRequested
                ? Results.Ok(new { status = "ready", silo = silo.Name })
                : Results.Json(new { status = status.ToString().ToLowerInvariant(), silo = silo.Name }, statusCode: 503);
        });
        return app;
    }
}
