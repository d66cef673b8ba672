using System.Diagnostics;

namespace Blocktrack.Benchmarks;

/// <summary>Runs <c>count</c> calls with a fixed number in flight, timing each, with a progress line every tenth.</summary>
public static class Driver
{
    public static async Task<RunResult> Run(string label, int count, int concurrency, Func<int, Task> call)
    {
        var latencies = new long[count];
        var ok = new bool[count];
        var next = -1;
        var failures = 0;
        var done = 0;
        string? firstFailure = null;
        var watch = Stopwatch.StartNew();
        var step = Math.Max(count / 10, 1);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await call(i);
                    latencies[i] = Stopwatch.GetTimestamp() - start;
                    ok[i] = true;
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, $"{e.GetType().Name}: {e.Message}", null);
                }
                var finished = Interlocked.Increment(ref done);
                if (count >= 100_000 && finished % step == 0)
                    Console.WriteLine($"  {label}: {finished:N0}/{count:N0} after {watch.Elapsed.TotalSeconds:F0} s");
            }
        })));
        watch.Stop();
        return new RunResult(count, failures, watch.Elapsed, [.. latencies.Where((_, i) => ok[i])], firstFailure);
    }
}
