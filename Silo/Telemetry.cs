using Blocktrack.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Blocktrack.Silo;

/// <summary>OpenTelemetry for silos and the Gateway: Orleans traces and metrics, ours, the runtime's; OTLP when configured.</summary>
public static class Telemetry
{
    /// <summary>
    /// Wires tracing and metrics; exports over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and always to
    /// Prometheus.
    /// </summary>
    public static IHostApplicationBuilder AddGovernanceTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", GovernanceMetrics.SourceName)
                    .AddAspNetCoreInstrumentation();
                if (otlp) tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("Microsoft.Orleans", GovernanceMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter();
            });
        return builder;
    }
}
