using System.Diagnostics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Benchmarks;

/// <summary>
/// One proposal, one million ballots (or <c>--ballots</c>): how long ingesting them takes, how long the proposal needs
/// from the close of voting to its sealed final tally (every shard sealed, Merkle roots computed), and the silo's peak
/// memory. The voting period is sized from a calibration run so the deadline falls just after the ingest.
/// </summary>
public static class MillionScenario
{
    private const int CalibrationBallots = 20_000;

    public static async Task<MillionResult> Run(BenchmarkOptions options)
    {
        var n = options.Ballots;
        var voters = BenchmarkWorld.Voters(n);
        await using var world = await BenchmarkWorld.Start(options.Silos, gateway: false);
        var feeding = world.Cluster.Silos.Select(s => new SiloMemory(s)).ToList();

        var watch = Stopwatch.StartNew();
        await world.FeedPower(voters, _ => 1, options.Concurrency);
        var powerFeed = watch.Elapsed;
        Console.WriteLine($"  silo after the power feed ({n:N0} voter activations): {await feeding[0].Now()}");
        foreach (var m in feeding) await m.DisposeAsync();
        var feedMemory = string.Join("; ", feeding.Select((m, i) => $"silo-{i}: {m}"));

        // The voters' power is set up over months in production, and their activations are collected once idle; the
        // proposal runs on fresh silos so its memory is its own, with every voter's state in PostgreSQL only.
        watch.Restart();
        var silos = await world.ReplaceSilos();
        Console.WriteLine($"  fresh silo(s) in {watch.Elapsed.TotalSeconds:F1} s (the feeding ones stopped: {feedMemory})");
        var memory = silos.Select(s => new SiloMemory(s)).ToList();

        await world.CreateDao("calibrate", TimeSpan.FromHours(1));
        var calibration = await world.Propose("calibrate", voters[0]);
        var calibrated = await Driver.Run("calibration", Math.Min(n, CalibrationBallots), options.Concurrency,
            i => world.Cast(calibration.Id, calibration.Shards, voters[i], i));
        // Room for the ingest at the calibrated rate plus half again, and never under a minute.
        var period = TimeSpan.FromSeconds(Math.Max(60, Math.Ceiling(n / calibrated.PerSecond * 1.5) + 30));
        Console.WriteLine($"  calibration: {calibrated}; voting period {period}");
        var readings = await SettledLiveHeap(memory);
        var heapBefore = readings[^1];
        Console.WriteLine($"  live GC heap before the ingest: {heapBefore / 1048576.0:N0} MiB (readings 3 s apart, MiB: "
            + $"{string.Join(", ", readings.Select(r => (r / 1048576.0).ToString("N0")))})");

        var ranked = options.Counting == CountingType.RankedChoice;
        if (options.Counting is not (CountingType.Basic or CountingType.RankedChoice))
            throw new ArgumentException("the one-proposal scenario counts basic or rankedChoice");
        await world.CreateDao("million", period, options.Counting);
        var proposal = await world.Propose("million", voters[0], choices: ranked);
        var ingest = await Driver.Run("ingest", n, options.Concurrency,
            i => world.Cast(proposal.Id, proposal.Shards, voters[i], i, ranked));
        Console.WriteLine($"  ingest: {ingest}");
        Console.WriteLine($"  silo after the ingest: {await memory[0].Now()}");
        var heapAfter = await LiveHeap(memory);
        Console.WriteLine($"  live GC heap after the ingest: {heapAfter / 1048576.0:N0} MiB, {(heapAfter - heapBefore) / (double)n:N0} bytes"
            + " a ballot held");

        // Voting includes the deadline's second; the proposal closes and seals from the next one.
        var closes = proposal.Deadline.AddSeconds(1);
        Console.WriteLine($"  waiting {(closes - DateTimeOffset.UtcNow).TotalSeconds:F0} s for voting to close at {closes:HH:mm:ss}");
        var wait = closes - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        var grain = world.Grains.GetGrain<IProposalGrain>(proposal.Id);
        ProposalInfo info;
        while ((info = await grain.GetInfo()).BallotSetHash is null) await Task.Delay(50);
        var closeToFinal = DateTimeOffset.UtcNow - closes;

        foreach (var m in memory) await m.DisposeAsync();
        var result = new MillionResult(n, powerFeed, ingest, period, closeToFinal, info.Tally.Voters,
            string.Join("; ", memory.Select((m, i) => $"silo-{i}: {m}")), feedMemory);
        Console.WriteLine($"  final: {info.State}, tally {info.Tally.Voters:N0} voters, ballot-set hash {info.BallotSetHash}");
        if (info.Tally.Outcome is { } outcome)
            Console.WriteLine($"  outcome: winner {outcome.Winner} with {outcome.WinnerShareBps} bps after {outcome.Rounds.Length} rounds");
        return result;
    }

    /// <summary>
    /// The live heap once it holds still: read right after the swap, a fresh silo's heap varied from run to run (140 and
    /// 361 MiB), likely the stopped silos' share of the grain directory handed over and let go; it would count against
    /// the ballots.
    /// </summary>
    private static async Task<List<long>> SettledLiveHeap(IReadOnlyList<SiloMemory> silos)
    {
        List<long> readings = [await LiveHeap(silos)];
        while (readings.Count < 20)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            readings.Add(await LiveHeap(silos));
            if (Math.Abs(readings[^1] - readings[^2]) < 8 << 20) break;
        }
        return readings;
    }

    private static async Task<long> LiveHeap(IEnumerable<SiloMemory> silos)
    {
        long total = 0;
        foreach (var silo in silos) total += await silo.LiveHeap();
        return total;
    }
}
