using System.Diagnostics.Tracing;
using System.Text.RegularExpressions;
using Blocktrack.Tests.Support;
using Microsoft.Diagnostics.NETCore.Client;

namespace Blocktrack.Benchmarks;

/// <summary>
/// Samples a silo process every second: resident memory from /proc (the peak is the kernel's VmHWM) and the managed GC
/// heap after the last collection from the silo's Prometheus endpoint (.NET's System.Runtime meter).
/// </summary>
public sealed partial class SiloMemory : IAsyncDisposable
{
    private readonly SiloProcess _silo;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public SiloMemory(SiloProcess silo)
    {
        _silo = silo;
        _sampling = Task.Run(Sample);
    }

    public long PeakResidentBytes { get; private set; }

    public long PeakGcHeapBytes { get; private set; }

    /// <summary>The latest sample: resident memory and GC heap now, for per-phase figures.</summary>
    public (long Resident, long GcHeap) Latest { get; private set; }

    /// <summary>Takes a sample now and describes it.</summary>
    public async Task<string> Now()
    {
        await Once();
        return $"working set {Latest.Resident / 1048576.0:N0} MiB, GC heap {Latest.GcHeap / 1048576.0:N0} MiB";
    }

    /// <summary>
    /// The live managed heap: a full blocking collection induced over EventPipe (the runtime collects when a session asks
    /// for its GC heap, as dotnet-gcdump does), then the heap size after it from the silo's metrics.
    /// </summary>
    public async Task<long> LiveHeap()
    {
        const long gcHeapCollect = 0x800000;
        var client = new DiagnosticsClient(_silo.Process.Id);
        using (var session = client.StartEventPipeSession(
                   [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, gcHeapCollect)],
                   requestRundown: false))
        {
            var drain = session.EventStream.CopyToAsync(Stream.Null);
            await Task.Delay(TimeSpan.FromSeconds(2));
            await session.StopAsync(CancellationToken.None);
            await drain;
        }
        await Once();
        return Latest.GcHeap;
    }

    public override string ToString() =>
        $"peak working set {PeakResidentBytes / 1048576.0:N0} MiB, peak GC heap {PeakGcHeapBytes / 1048576.0:N0} MiB";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _sampling; }
        catch (OperationCanceledException) { /* stopped */ }
        await Once();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task Sample()
    {
        while (!_stop.IsCancellationRequested)
        {
            await Once();
            await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token);
        }
    }

    private async Task Once()
    {
        var (peak, current) = _silo.Process.Memory();
        PeakResidentBytes = Math.Max(PeakResidentBytes, Math.Max(peak, current));
        Latest = (current, Latest.GcHeap);
        // A busy silo may miss a scrape; the next one counts.
        if (await SiloMetrics.Sum(_http, _silo, HeapSize()) is not { } heap) return;
        PeakGcHeapBytes = Math.Max(PeakGcHeapBytes, (long)heap);
        Latest = (Latest.Resident, (long)heap);
    }

    [GeneratedRegex(@"^dotnet_gc_last_collection_heap_size_bytes\{[^}]*\} ([0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex HeapSize();
}
