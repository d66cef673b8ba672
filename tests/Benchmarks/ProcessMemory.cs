namespace Blocktrack.Benchmarks;

/// <summary>
/// This process's memory, for scenarios that host the silo in-process: resident memory from /proc/self/status (the
/// peak is the kernel's VmHWM) and the managed heap, sampled every second for its peak.
/// </summary>
public sealed class ProcessMemory : IDisposable
{
    private readonly Timer _timer;

    public ProcessMemory() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));

    public long PeakGcHeapBytes { get; private set; }

    /// <summary>Samples now and describes it.</summary>
    public string Now()
    {
        var (_, resident) = Resident();
        return $"RSS {resident / 1048576.0:N0} MiB, GC heap {Sample() / 1048576.0:N0} MiB";
    }

    public override string ToString()
    {
        Sample();
        return $"peak RSS {Resident().Peak / 1048576.0:N0} MiB, peak GC heap {PeakGcHeapBytes / 1048576.0:N0} MiB";
    }

    public void Dispose() => _timer.Dispose();

    private long Sample()
    {
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
        PeakGcHeapBytes = Math.Max(PeakGcHeapBytes, heap);
        return heap;
    }

    private static (long Peak, long Current) Resident()
    {
        long peak = 0, current = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line);
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) current = Kilobytes(line);
        }
        return (peak, current);
    }

    private static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
}
