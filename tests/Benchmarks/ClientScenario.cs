namespace Blocktrack.Benchmarks;

/// <summary>
/// Ballots per second through an Orleans client straight into ballot shards (cluster profile on PostgreSQL): the
/// Gateway's path minus HTTP and signature recovery. Voters vote on several proposals at once, as on a busy day.
/// </summary>
public static class ClientScenario
{
    public static async Task<RunResult> Run(BenchmarkOptions options)
    {
        var voters = BenchmarkWorld.Voters(options.Voters);
        await using var world = await BenchmarkWorld.Start(options.Silos, gateway: false);
        await world.FeedPower(voters, i => 100 + i % 1000, options.Concurrency);
        await world.CreateDao("bench", TimeSpan.FromMinutes(30));

        var warmup = await JitWarmUp.Run(world.Cluster.Silos, Math.Min(voters.Length, 20_000), options.Concurrency, async () =>
        {
            var warm = await world.Propose("bench", voters[0]);
            return i => world.Cast(warm.Id, warm.Shards, voters[i], i);
        });
        Console.WriteLine($"  warm-up: {warmup}");

        var proposals = new List<(string Id, int Shards, DateTimeOffset Deadline)>();
        for (var p = 0; p < options.Proposals; p++) proposals.Add(await world.Propose("bench", voters[0]));
        var ballots = voters.Length * proposals.Count;
        var cpu = world.SampleCpu();
        var gc = await SiloGc.Start(world.Cluster.Silos);
        // Ballot k: voter k / proposals on proposal k % proposals, so every proposal's shards are busy together.
        var result = await Driver.Run("client", ballots, options.Concurrency, k =>
        {
            var (v, p) = (k / proposals.Count, k % proposals.Count);
            return world.Cast(proposals[p].Id, proposals[p].Shards, voters[v], v);
        });
        Console.WriteLine($"  client → shards ({options.Silos} silo(s), {proposals.Count} proposals, {options.Concurrency} in flight): {result}");
        Console.WriteLine($"  CPU-µs per ballot: {cpu.PerCall(result.Calls - result.Failures)}");
        Console.WriteLine($"  GC: {await gc.PerCall(result.Calls - result.Failures)}");
        return result;
    }
}
