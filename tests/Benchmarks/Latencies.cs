using System.Diagnostics;

namespace Blocktrack.Benchmarks;

/// <summary>Percentiles of per-call latencies recorded as <see cref="Stopwatch"/> ticks.</summary>
public static class Latencies
{
    public static double PercentileMs(long[] ticks, double percentile)
    {
        if (ticks.Length == 0) return double.NaN;
        var sorted = (long[])ticks.Clone();
        Array.Sort(sorted);
        var index = (int)Math.Clamp(Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1000.0 / Stopwatch.Frequency;
    }
}
