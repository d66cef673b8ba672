using System.Diagnostics;
using System.Text.RegularExpressions;
using Blocktrack.Tests.Support;

namespace Blocktrack.Benchmarks;

/// <summary>
/// Warms a cluster up until the silos' JIT has settled, so a timed run measures the steady state and not tiered
/// compilation: rounds of calls (each round on whatever fresh target <c>nextRound</c> sets up) until the silos spent under
/// 5 % of one core compiling during a round, read from their Prometheus endpoints (System.Runtime's
/// <c>dotnet.jit.compilation.time</c>), or 20 rounds have run. A fixed warm-up of 10,000 ballots left the silo compiling
/// for about 10 s more: 17 % of its samples in the JIT, 54 CPU-µs a ballot instead of 43 once it had finished. Rounds of
/// 20,000 ballots compiled 0.5 – 1.1 s each for the first six, then mostly under 0.1 s with bursts (0.46 s in the 13th).
/// </summary>
public static partial class JitWarmUp
{
    private const int MaxRounds = 20;
    private const double SettledShare = 0.05;

    public static async Task<string> Run(
        IReadOnlyList<SiloProcess> silos, int callsPerRound, int concurrency, Func<Task<Func<int, Task>>> nextRound)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var calls = 0;
        var byRound = new List<string>();
        RunResult? last = null;
        double jitted = double.NaN;
        for (var round = 1; round <= MaxRounds; round++)
        {
            var call = await nextRound();
            var before = await JitSeconds(http, silos);
            var watch = Stopwatch.StartNew();
            last = await Driver.Run("warm-up", callsPerRound, concurrency, call);
            watch.Stop();
            jitted = await JitSeconds(http, silos) - before;
            calls += callsPerRound;
            byRound.Add($"{jitted * 1000:F0}");
            if (jitted < SettledShare * watch.Elapsed.TotalSeconds)
                return $"{round} round(s), {calls:N0} calls, JIT ms a round {string.Join(", ", byRound)}; the last: {last}";
        }
        return $"{MaxRounds} rounds, {calls:N0} calls, JIT not settled (ms a round {string.Join(", ", byRound)}); the last: {last}";
    }

    /// <summary>The silos' JIT time so far, summed; NaN when one did not answer (a round then never counts as settled).</summary>
    private static async Task<double> JitSeconds(HttpClient http, IReadOnlyList<SiloProcess> silos)
    {
        var total = 0.0;
        foreach (var silo in silos)
        {
            if (await SiloMetrics.Sum(http, silo, CompilationTime()) is not { } seconds) return double.NaN;
            total += seconds;
        }
        return total;
    }

    [GeneratedRegex(@"^dotnet_jit_compilation_time_seconds_total\{[^}]*\} ([0-9.eE+]+)", RegexOptions.Multiline)]
    private static partial Regex CompilationTime();
}
