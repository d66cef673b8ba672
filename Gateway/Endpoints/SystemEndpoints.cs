using Blocktrack.Silo;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Scalar.AspNetCore;

namespace Blocktrack.Gateway;

/// <summary>Liveness, readiness, metrics, the signing schema, and the API's own documentation.</summary>
public static class SystemEndpoints
{
    public const string Tag = "System";

    /// <summary>How long readiness waits for the cluster before calling it unreachable.</summary>
    public static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(3);

    public static void MapSystemEndpoints(this WebApplication app)
    {
        app.MapGet(Probes.Live, () => TypedResults.Ok(new { status = "alive" })).WithName("Healthz").WithTags(Tag)
            .WithSummary("The process is alive");
        app.MapGet(Probes.Ready, Ready).WithName("Readyz").WithTags(Tag)
            .WithSummary("The governance cluster answers a cheap grain call and every chain watcher is healthy; 503 otherwise")
            .ProducesProblem(503);
        app.MapGet("/eip712", (SigningSchema schema) => TypedResults.Ok(SigningInfo.From(schema))).WithName("Eip712").WithTags(Tag)
            .WithSummary("The EIP-712 domain and types every signed request uses");
        app.MapPrometheusScrapingEndpoint().WithTags(Tag);
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", options => options.WithTitle("Blocktrack Governance API"));
    }

    private static async Task<Results<Ok<object>, ProblemHttpResult>> Ready(IGrainFactory grains, TimeProvider time, HttpResponse response)
    {
        // The management grain lives in every silo and answers from memory: the cheapest proof a silo serves calls.
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(ReadinessTimeout);
        var chains = await ChainHealth.All(grains, time).WaitAsync(ReadinessTimeout + ChainHealth.StatusTimeout);
        if (chains.Count == 0)
            return TypedResults.Ok<object>(new { status = "ready", silos = hosts.Count });
        var lines = chains.Select(ChainReadiness.Of).ToList();
        if (lines.All(c => c.Healthy))
            return TypedResults.Ok<object>(new { status = "ready", silos = hosts.Count, chains = lines });

        // Mirrored power and snapshots would be stale: not ready, and say which chain and why.
        var problem = Problems.Create(ErrorCodes.ChainUnhealthy, string.Join("; ",
            lines.Where(c => !c.Healthy).Select(c => $"chain {c.ChainId} ({c.Name}): {c.Problem}")));
        problem.Extensions["chains"] = lines;
        response.Headers.RetryAfter = GatewayExceptionHandler.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(problem);
    }
}
