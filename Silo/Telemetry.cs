using System.Diagnostics.Metrics;
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
    /// Wires metrics, always exported to Prometheus and over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and
    /// tracing only then: with nowhere to send spans, a tracer would still build and sample one per request and per
    /// grain call (6 % of the Gateway's and 9 % of a silo's CPU under the ballot load). Trace ids flow either way:
    /// ASP.NET Core starts each request's activity from the caller's <c>traceparent</c>, and Orleans carries it into
    /// grain calls, so audit entries keep the caller's trace id.
    /// </summary>
    public static IHostApplicationBuilder AddGovernanceTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(serviceName));
        if (otlp)
            otel.WithTracing(tracing => tracing
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", GovernanceMetrics.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
        otel.WithMetrics(metrics =>
        {
            metrics.AddMeter("Microsoft.Orleans", GovernanceMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter();
            if (otlp) metrics.AddOtlpExporter();
        });
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
            metrics.AddView(OwnInstrumentsOnly(services.GetService<IMeterFactory>())));
        return builder;
    }

    /// <summary>
    /// A view that drops instruments of another host's meters: a meter listener sees every meter in the process, and where
    /// two hosts share one (the Gateway tests start and stop several), the SDK merges their same-named instruments into
    /// one stream, which dies with whichever host stops first (opentelemetry-dotnet#6412): a still-running Gateway's
    /// <c>/metrics</c> lost its HTTP, Orleans and governance metrics. Meters of no host (the runtime's) stay.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OwnInstrumentsOnly(IMeterFactory? own) =>
        instrument => instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, own)
            ? null
            : MetricStreamConfiguration.Drop;
}
