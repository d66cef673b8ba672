namespace Blocktrack.Benchmarks;

/// <summary>A timed run of calls: how many succeeded and failed, how long it took, each successful call's latency.</summary>
public sealed record RunResult(int Calls, int Failures, TimeSpan Elapsed, long[] LatencyTicks, string? FirstFailure)
{
    public double PerSecond => (Calls - Failures) / Elapsed.TotalSeconds;

    public double P50Ms => Latencies.PercentileMs(LatencyTicks, 50);

    public double P99Ms => Latencies.PercentileMs(LatencyTicks, 99);

    public override string ToString() =>
        $"{Calls - Failures:N0} ballots in {Elapsed.TotalSeconds:F1} s = {PerSecond:N0} ballots/s, p50 {P50Ms:F1} ms, p99 {P99Ms:F1} ms" +
        (Failures > 0 ? $", {Failures:N0} failed (first: {FirstFailure})" : "");
}
