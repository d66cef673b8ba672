using System.Globalization;

namespace Blocktrack.Benchmarks;

/// <summary>
/// A figure measured in several runs: the median with the min–max of the runs, so one disturbed run (the machine is
/// shared) shows as spread instead of passing for the figure.
/// </summary>
public sealed record Repeated(string Unit, IReadOnlyList<double> Values)
{
    public double Median
    {
        get
        {
            var sorted = Values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public override string ToString() => Values.Count == 1
        ? $"{Format(Values[0])} {Unit} (1 run)"
        : $"{Format(Median)} {Unit} (median of {Values.Count}, {Format(Values.Min())} – {Format(Values.Max())})";

    private static string Format(double v) => v >= 100 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="run"/> <paramref name="runs"/> times; the figures of every run in one line each.</summary>
    public static async Task<string> OfRuns(int runs, Func<int, Task<RunResult>> run, string unit = "ballots/s")
    {
        var results = new List<RunResult>();
        for (var r = 0; r < runs; r++) results.Add(await run(r));
        return Summary(results, unit);
    }

    public static string Summary(IReadOnlyList<RunResult> results, string unit = "ballots/s") =>
        $"{new Repeated(unit, [.. results.Select(r => r.PerSecond)])}; " +
        $"p50 {new Repeated("ms", [.. results.Select(r => r.P50Ms)])}; p99 {new Repeated("ms", [.. results.Select(r => r.P99Ms)])}" +
        (results.Sum(r => r.Failures) is var f and > 0 ? $"; {f:N0} failed" : "");
}
