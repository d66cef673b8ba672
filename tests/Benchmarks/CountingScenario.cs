using System.Diagnostics;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Choices;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Benchmarks;

/// <summary>
/// The pure counting rules alone, no cluster: how long one final tally of 100,000 ballots takes for each of Snapshot's
/// counting types over 8 choices (random rankings and weights, powers up to 10^24), best of five runs; and the Merkle
/// root a shard computes when it seals, over 125,000 signed ballots as it holds them (one of a million's 8 shards).
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
        results.Add(SealRoot(random));
        return $"{Ballots:N0} ballots, {Choices} choices: " + string.Join(", ", results);
    }

    private const int ShardBallots = 125_000;

    private static string SealRoot(Random random)
    {
        var ballots = Enumerable.Range(0, ShardBallots).Select(i => CompactBallot.Of(new Ballot
        {
            Voter = "0x" + Convert.ToHexStringLower(RandomBytes(random, 20)),
            Support = (Support)random.Next(3),
            Weight = new BigInteger(random.NextDouble() * 1e24) + 1,
            Timestamp = 1_764_000_000 + i,
            Digest = "0x" + Convert.ToHexStringLower(RandomBytes(random, 32)),
            Signature = "0x" + Convert.ToHexStringLower(RandomBytes(random, 65)),
        })).ToList();
        BallotSetHash.Compute(ballots, b => b.Voter, b => b.LeafHash); // warm-up
        var best = TimeSpan.MaxValue;
        long allocated = 0;
        for (var run = 0; run < 5; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            BallotSetHash.Compute(ballots, b => b.Voter, b => b.LeafHash);
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (watch.Elapsed < best) best = watch.Elapsed;
        }
        var line = $"seal root of {ShardBallots:N0} ballots {best.TotalMilliseconds:F0} ms, {allocated / (double)ShardBallots:N0} bytes allocated a ballot";
        Console.WriteLine($"  {line}");
        return line;
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
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
