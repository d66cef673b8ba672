using System.Diagnostics;
using System.Text.Json;
using Blocktrack.Tests.Support;

namespace Blocktrack.Benchmarks;

/// <summary>
/// Ballots per second through the Gateway over HTTP: EIP-712 signed ballots (signed before timing starts), signature
/// recovery, routing to the shard, group commit to PostgreSQL, answer once durable.
/// </summary>
public static class GatewayScenario
{
    private const int Proposals = 2;

    // Signed well before they are sent: let them stay fresh for the whole run.
    private static readonly Dictionary<string, string> Settings = new() { ["Gateway:SignatureMaxAge"] = "01:00:00" };

    /// <summary>The cluster-profile figure: the median of <c>--runs</c> runs on one deployment, each on fresh proposals.</summary>
    public static async Task<string> Run(BenchmarkOptions options) => (await RunRepeated(options)).Figure;

    /// <summary>The cluster-profile figure as the median of <c>--runs</c> runs on one deployment, each on fresh proposals.</summary>
    public static async Task<(string Figure, double Median)> RunRepeated(BenchmarkOptions options)
    {
        var voters = Keys(options);
        await using var world = await BenchmarkWorld.Start(options.Silos, gateway: true, Settings);
        await world.FeedPower([.. voters.Select(v => v.Address)], i => 100 + i % 1000, options.Concurrency);
        await world.CreateDao("bench", TimeSpan.FromMinutes(30));
        if (options.PinSilo) world.PinSilosApart();
        var results = new List<RunResult>();
        for (var r = 0; r < options.Runs; r++) results.Add(await RunOn(world, voters, options, $"{options.Silos} silo(s)", first: r == 0));
        return (Repeated.Summary(results), new Repeated("", [.. results.Select(r => r.PerSecond)]).Median);
    }

    /// <summary>
    /// The same on the embedded profile, as <c>dotnet run --project Gateway</c> runs: one process, its silo co-hosted,
    /// SQLite; <c>--runs</c> runs on the same process, each on fresh proposals, printed as median and min–max.
    /// </summary>
    public static async Task<string> RunEmbedded(BenchmarkOptions options)
    {
        var voters = Keys(options);
        await using var world = await BenchmarkWorld.StartEmbedded(Settings);
        await world.FeedPower([.. voters.Select(v => v.Address)], i => 100 + i % 1000, options.Concurrency);
        await world.CreateDao("bench", TimeSpan.FromMinutes(30));
        return await Repeated.OfRuns(options.Runs, r => RunOn(world, voters, options, "embedded", first: r == 0));
    }

    private static TestKey[] Keys(BenchmarkOptions options)
    {
        var watch = Stopwatch.StartNew();
        var voters = TestKey.Many("bench", Math.Max(options.HttpBallots / Proposals, 1));
        Console.WriteLine($"  {voters.Length:N0} voter keys derived in {watch.Elapsed.TotalSeconds:F1} s");
        return [.. voters];
    }

    /// <summary>
    /// Warm-up rounds before a deployment's first timed run, each every voter once on a proposal of its own: enough for
    /// the JIT's tiering to finish. With 2,000 warm-up ballots a quarter of the Gateway's CPU in the timed run was still
    /// the tiered-compilation thread, and with one round the first run's Gateway cost was 2.5 times the third's.
    /// </summary>
    private const int WarmRounds = 3;

    private static async Task<RunResult> RunOn(BenchmarkWorld world, TestKey[] voters, BenchmarkOptions options, string where, bool first)
    {
        var watch = Stopwatch.StartNew();
        var warms = new List<string>();
        for (var w = 0; w < (first ? WarmRounds : 0); w++) warms.Add((await world.Propose("bench", voters[0].Address)).Id);
        var proposals = new List<string>();
        for (var p = 0; p < Proposals; p++) proposals.Add((await world.Propose("bench", voters[0].Address)).Id);

        var now = BenchmarkWorld.Now;
        var warmBallots = new SignedMessage[warms.Count * voters.Length];
        Parallel.For(0, warmBallots.Length, k => warmBallots[k] = Ballot(voters[k % voters.Length], warms[k / voters.Length], 1, now));
        var ballots = new SignedMessage[voters.Length * Proposals];
        Parallel.For(0, ballots.Length, k =>
            ballots[k] = Ballot(voters[k / Proposals], proposals[k % Proposals], (k / Proposals) % 3, now));
        Console.WriteLine($"  {warmBallots.Length + ballots.Length:N0} ballots signed in {watch.Elapsed.TotalSeconds:F1} s (not timed below)");

        var banner = world.GatewayProcess!.Tail(200).Split('\n').FirstOrDefault(l => l.Contains("signature recovery", StringComparison.Ordinal));
        Console.WriteLine($"  Gateway: {banner?[(banner.IndexOf("signature recovery", StringComparison.Ordinal))..] ?? "banner not found"}");
        using var api = new GatewayApi(world.GatewayUrl!, world.OperatorKey, options.HttpConcurrency);
        if (warmBallots.Length > 0)
        {
            var warmup = await Driver.Run("warm-up", warmBallots.Length, options.HttpConcurrency,
                k => Vote(api, warms[k / voters.Length], warmBallots[k]));
            Console.WriteLine($"  warm-up: {warmup}");
        }
        var cpu = world.SampleCpu();
        var result = options.HttpBatch == 1
            ? await Driver.Run("http", ballots.Length, options.HttpConcurrency, k => Vote(api, proposals[k % Proposals], ballots[k]))
            : await Batches(api, ballots, options);
        var shape = options.HttpBatch == 1 ? "" : $", {options.HttpBatch} per request, latency per request";
        Console.WriteLine($"  HTTP → Gateway → shards ({where}, {options.HttpConcurrency} in flight{shape}): {result}");
        Console.WriteLine($"  CPU-µs per ballot: {cpu.PerCall(result.Calls - result.Failures)}");
        return result;
    }

    /// <summary>The ballots in requests of <c>--http-batch</c> each; the figures count ballots, the latencies requests.</summary>
    private static async Task<RunResult> Batches(GatewayApi api, SignedMessage[] ballots, BenchmarkOptions options)
    {
        var size = options.HttpBatch;
        var requests = (ballots.Length + size - 1) / size;
        var result = await Driver.Run("http batches", requests, options.HttpConcurrency, async r =>
        {
            var slice = ballots[(r * size)..Math.Min(ballots.Length, (r + 1) * size)];
            var answer = await api.VoteBatch(slice);
            if (answer.Status != 200) throw new InvalidOperationException($"{answer.Status} {answer.Code}");
            var counted = JsonDocument.Parse(answer.Body).RootElement.GetProperty("counted").GetInt32();
            if (counted != slice.Length) throw new InvalidOperationException($"{slice.Length - counted} of {slice.Length} refused: {answer.Body[..Math.Min(200, answer.Body.Length)]}");
        });
        return result with { Calls = ballots.Length, Failures = Math.Min(ballots.Length, result.Failures * size) };
    }

    private static async Task Vote(GatewayApi api, string proposal, SignedMessage ballot)
    {
        var answer = await api.Vote(proposal, ballot);
        if (answer.Status != 200) throw new InvalidOperationException($"{answer.Status} {answer.Code}");
    }

    private static SignedMessage Ballot(TestKey voter, string proposal, int support, long timestamp) =>
        TypedDataSigner.Sign(voter, "Ballot", Messages.Ballot(voter, proposal, support, timestamp));
}
