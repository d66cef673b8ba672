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
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "alive" })).WithName("Healthz").WithTags(Tag)
            .WithSummary("The process is alive");
        app.MapGet("/readyz", Ready).WithName("Readyz").WithTags(Tag)
            .WithSummary("The governance cluster answers a cheap grain call; 503 otherwise").ProducesProblem(503);
        app.MapGet("/eip712", (SigningSchema schema) => TypedResults.Ok(SigningInfo.From(schema))).WithName("Eip712").WithTags(Tag)
            .WithSummary("The EIP-712 domain and types every signed request uses");
        app.MapPrometheusScrapingEndpoint().WithTags(Tag);
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", options => options.WithTitle("Blocktrack Governance API"));
    }

    private static async Task<Ok<object>> Ready(IGrainFactory grains)
    {
        // The management grain lives in every silo and answers from memory: the cheapest proof a silo serves calls.
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(ReadinessTimeout);
        return TypedResults.Ok<object>(new { status = "ready", silos = hosts.Count });
    }
}
