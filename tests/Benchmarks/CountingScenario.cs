using System.Diagnostics;
using System.Numerics;
using Blocktrack.Grains.Governance.Choices;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Benchmarks;

/// <summary>
/// The pure counting rules alone, no cluster: how long one final tally of 100,000 ballots takes for each of Snapshot's
/// counting types over 8 choices (random rankings and weights, powers up to 10^24), best of five runs.
/// </summary>
public static class CountingScenario
{
    private const int Ballots = 100_000;
    private const int Choices = 8;

    public static string Run()
    {
        var random = new Random(42);
        var results = new List<string>();
        CountingType[] types =
            [CountingType.SingleChoice, CountingType.Approval, CountingType.Weighted, CountingType.Quadratic, CountingType.RankedChoice];
        foreach (var type in types)
        {
            var votes = Enumerable.Range(0, Ballots).Select(_ => Vote(random, type)).ToList();
            ChoiceCounting.Count(type, Choices, votes); // warm-up: JIT and tiering
            var best = TimeSpan.MaxValue;
            var rounds = 0;
            for (var run = 0; run < 5; run++)
            {
                var watch = Stopwatch.StartNew();
                var scores = ChoiceCounting.Count(type, Choices, votes);
                watch.Stop();
                rounds = scores.Rounds.Length;
                if (watch.Elapsed < best) best = watch.Elapsed;
            }
            var line = $"{type} {best.TotalMilliseconds:F0} ms" + (type == CountingType.RankedChoice ? $" ({rounds} rounds)" : "");
            Console.WriteLine($"  counting {Ballots:N0} ballots: {line}");
            results.Add(line);
        }
        return $"{Ballots:N0} ballots, {Choices} choices: " + string.Join(", ", results);
    }

    private static ChoiceVote Vote(Random random, CountingType type)
    {
        var power = new BigInteger(random.NextDouble() * 1e24) + 1;
        var order = Enumerable.Range(0, Choices).OrderBy(_ => random.Next()).ToList();
        return type switch
        {
            CountingType.SingleChoice => new ChoiceVote(power, [order[0]]),
            CountingType.Approval => new ChoiceVote(power, order.Take(random.Next(1, Choices + 1)).ToList()),
            CountingType.RankedChoice => new ChoiceVote(power, order),
            _ => new ChoiceVote(power, order.Take(3).ToList(), [(ulong)random.Next(1, 100), (ulong)random.Next(1, 100), 1]),
        };
    }
}
