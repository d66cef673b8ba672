using System.Diagnostics;
using Blocktrack.Tests.Support;

namespace Blocktrack.Benchmarks;

/// <summary>
/// Ballots per second through the Gateway over HTTP: EIP-712 signed ballots (signed before timing starts), signature
/// recovery, routing to the shard, group commit to PostgreSQL, answer once durable.
/// </summary>
public static class GatewayScenario
{
    private const int Proposals = 2;

    public static async Task<RunResult> Run(BenchmarkOptions options)
    {
        var watch = Stopwatch.StartNew();
        var voters = TestKey.Many("bench", Math.Max(options.HttpBallots / Proposals, 1));
        Console.WriteLine($"  {voters.Length:N0} voter keys derived in {watch.Elapsed.TotalSeconds:F1} s");
        // Signed well before they are sent: let them stay fresh for the whole run.
        await using var world = await BenchmarkWorld.Start(options.Silos, gateway: true,
            new Dictionary<string, string> { ["Gateway:SignatureMaxAge"] = "01:00:00" });
        await world.FeedPower([.. voters.Select(v => v.Address)], i => 100 + i % 1000, options.Concurrency);
        await world.CreateDao("bench", TimeSpan.FromMinutes(30));
        var warm = await world.Propose("bench", voters[0].Address);
        var proposals = new List<string>();
        for (var p = 0; p < Proposals; p++) proposals.Add((await world.Propose("bench", voters[0].Address)).Id);

        watch.Restart();
        var now = BenchmarkWorld.Now;
        var warmCount = Math.Min(voters.Length, 2_000);
        var warmBallots = new SignedMessage[warmCount];
        Parallel.For(0, warmCount, i => warmBallots[i] = Ballot(voters[i], warm.Id, 1, now));
        var ballots = new SignedMessage[voters.Length * Proposals];
        Parallel.For(0, ballots.Length, k =>
            ballots[k] = Ballot(voters[k / Proposals], proposals[k % Proposals], (k / Proposals) % 3, now));
        Console.WriteLine($"  {warmCount + ballots.Length:N0} ballots signed in {watch.Elapsed.TotalSeconds:F1} s (not timed below)");

        var banner = world.Cluster.Gateway!.Tail(200).Split('\n').FirstOrDefault(l => l.Contains("signature recovery", StringComparison.Ordinal));
        Console.WriteLine($"  Gateway: {banner?[(banner.IndexOf("signature recovery", StringComparison.Ordinal))..] ?? "banner not found"}");
        using var api = new GatewayApi(world.Cluster.GatewayUrl!, world.Cluster.OperatorKey, options.HttpConcurrency);
        var warmup = await Driver.Run("warm-up", warmCount, options.HttpConcurrency, i => Vote(api, warm.Id, warmBallots[i]));
        Console.WriteLine($"  warm-up: {warmup}");
        var result = await Driver.Run("http", ballots.Length, options.HttpConcurrency, k => Vote(api, proposals[k % Proposals], ballots[k]));
        Console.WriteLine($"  HTTP → Gateway → shards ({options.Silos} silo(s), {options.HttpConcurrency} in flight): {result}");
        return result;
    }

    private static async Task Vote(GatewayApi api, string proposal, SignedMessage ballot)
    {
        var answer = await api.Vote(proposal, ballot);
        if (answer.Status != 200) throw new InvalidOperationException($"{answer.Status} {answer.Code}");
    }

    private static SignedMessage Ballot(TestKey voter, string proposal, int support, long timestamp) =>
        TypedDataSigner.Sign(voter, "Ballot", Messages.Ballot(voter, proposal, support, timestamp));
}
