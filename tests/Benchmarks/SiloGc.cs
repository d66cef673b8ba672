using System.Text.RegularExpressions;
using Blocktrack.Tests.Support;

namespace Blocktrack.Benchmarks;

/// <summary>
/// What the silos' garbage collector did during a timed run, read from their Prometheus endpoints (System.Runtime's
/// <c>dotnet.gc.heap.total_allocated</c>, <c>dotnet.gc.collections</c> and <c>dotnet.gc.pause.time</c>): bytes allocated
/// per call, collections per 1,000 calls and pause time per call, the figures allocation work is judged by.
/// </summary>
public sealed partial class SiloGc
{
    private readonly IReadOnlyList<SiloProcess> _silos;
    private readonly Reading?[] _start;

    private readonly record struct Reading(double Allocated, double Collections, double Paused);

    private SiloGc(IReadOnlyList<SiloProcess> silos, Reading?[] start) => (_silos, _start) = (silos, start);

    public static async Task<SiloGc> Start(IReadOnlyList<SiloProcess> silos)
    {
        using var http = Http();
        return new SiloGc(silos, await Task.WhenAll(silos.Select(s => Read(http, s))));
    }

    /// <summary>One line per silo; "not read" where a silo did not answer a scrape at the start or now.</summary>
    public async Task<string> PerCall(long calls)
    {
        using var http = Http();
        var now = await Task.WhenAll(_silos.Select(s => Read(http, s)));
        return string.Join("; ", _silos.Select((silo, i) => _start[i] is { } a && now[i] is { } b && calls > 0
            ? $"silo {silo.Index} {(b.Allocated - a.Allocated) / calls:N0} B allocated a call, " +
              $"{(b.Collections - a.Collections) * 1000 / calls:F2} collections a 1,000, {(b.Paused - a.Paused) * 1e6 / calls:F1} µs paused a call"
            : $"silo {silo.Index} not read"));
    }

    private static HttpClient Http() => new() { Timeout = TimeSpan.FromSeconds(5) };

    private static async Task<Reading?> Read(HttpClient http, SiloProcess silo) =>
        await SiloMetrics.Sum(http, silo, Allocated()) is { } allocated
        && await SiloMetrics.Sum(http, silo, Collections()) is { } collections
        && await SiloMetrics.Sum(http, silo, Paused()) is { } paused
            ? new Reading(allocated, collections, paused)
            : null;

    [GeneratedRegex(@"^dotnet_gc_heap_total_allocated_bytes_total(?:\{[^}]*\})? ([0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex Allocated();

    [GeneratedRegex(@"^dotnet_gc_collections_total\{[^}]*\} ([0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex Collections();

    [GeneratedRegex(@"^dotnet_gc_pause_time_seconds_total(?:\{[^}]*\})? ([0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex Paused();
}
