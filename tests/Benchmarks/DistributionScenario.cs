using System.Diagnostics;
using System.Numerics;
using Blocktrack.Grains.Governance.Analytics;

namespace Blocktrack.Benchmarks;

/// <summary>
/// The power distribution's bookkeeping alone, no cluster: <c>--participants</c> holders (default 100,000) with
/// 18-decimal powers set one by one, then 100,000 changes of random holders to random powers, timed per change (what a
/// token's <c>PowerDistributionGrain</c> spends applying each voter's report), and one reading of the figures.
/// </summary>
public static class DistributionScenario
{
    private const int Changes = 100_000;

    public static string Run(BenchmarkOptions options)
    {
        var holders = options.Participants;
        var unit = BigInteger.Pow(10, 18);
        var addresses = Enumerable.Range(0, holders).Select(i => $"0x{i:x40}").ToArray();
        var distribution = new PowerDistribution();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < holders; i++) distribution.Set(addresses[i], unit * (1 + i % 1_000));
        var fill = watch.Elapsed.TotalMicroseconds / holders;
        var random = new Random(42);
        watch.Restart();
        for (var i = 0; i < Changes; i++) distribution.Set(addresses[random.Next(holders)], unit * random.Next(1, 5_000));
        var change = watch.Elapsed.TotalMicroseconds / Changes;
        watch.Restart();
        var figures = distribution.Figures();
        var read = watch.Elapsed.TotalMicroseconds;
        if (figures.Holders != holders) throw new InvalidOperationException($"{figures.Holders} holders, not {holders}");
        var line = $"{holders:N0} holders: {fill:F1} µs a holder added, {change:F1} µs a change ({1_000_000 / change:N0} changes/s), "
            + $"figures read in {read:F0} µs (Gini {figures.Gini:F4}, Nakamoto {figures.Nakamoto:N0})";
        Console.WriteLine($"  power distribution, {line}");
        return line;
    }
}
