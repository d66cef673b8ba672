using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Benchmarks;

/// <summary>
/// Voters with voting power set up per second, the ways the product offers: the operator's feed (a balance, then a
/// self-delegation, as <c>POST /voters/{a}/balances</c> and a signed <c>Delegation</c> do — minus HTTP and the signature,
/// which the gateway scenario measures) and the chain mirror (<see cref="IVoterGrain.ApplyChainVotes"/>); plus, alone,
/// what each new delegation sends the token's supply grain (one distinct voter per call), the part of the operator's
/// feed that grew with the number of voters. Durable commits throughout, on a fresh cluster per path.
/// </summary>
public static class FeedScenario
{
    public static async Task<IReadOnlyList<(string Path, string Figure)>> Run(BenchmarkOptions options)
    {
        IReadOnlyList<string> voters = BenchmarkWorld.Voters(options.FeedVoters);
        // Other voters fed first on the same cluster, not timed: without them a fifth of the silo's CPU in the timed run was
        // still the JIT's (tiered compilation), and the figure said more about start-up than about the feed.
        var warmCount = Math.Max(1, options.FeedVoters / 4);
        IReadOnlyList<string> warm = [.. Enumerable.Range(options.FeedVoters, warmCount).Select(SyntheticVoters.Address)];
        var paths = options.FeedPaths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var figures = new List<(string, string)>();
        foreach (var path in paths)
        {
            var figure = await Repeated.OfRuns(options.Runs, async run =>
            {
                await using var world = await BenchmarkWorld.Start(options.Silos, gateway: false);
                var warmed = await Feed(path, world, warm, options.Concurrency);
                Console.WriteLine($"  {path} feed, run {run + 1}, warm-up ({warm.Count:N0} other voters): {Voters(warmed)}");
                var result = await Feed(path, world, voters, options.Concurrency);
                Console.WriteLine($"  {path} feed, run {run + 1} ({voters.Count:N0} voters, {options.Concurrency} in flight): {Voters(result)}");
                return result;
            }, "voters/s");
            figures.Add((path, $"{voters.Count:N0} voters: {figure}"));
        }
        return figures;
    }

    private static Task<RunResult> Feed(string path, BenchmarkWorld world, IReadOnlyList<string> voters, int concurrency) => path switch
    {
        "supply" => Supply(world, voters, concurrency),
        "operator" => Operator(world, voters, concurrency),
        "chain" => Driver.Run("chain feed", voters.Count, concurrency, i => world.Grains.GetGrain<IVoterGrain>(voters[i])
            .ApplyChainVotes(BenchmarkWorld.Token, block: 1, logIndex: 0, BenchmarkWorld.Now - 5, 100 + i % 1000)),
        _ => throw new ArgumentException($"unknown feed path '{path}': use supply, operator or chain"),
    };

    public static string Voters(RunResult r) => r.ToString().Replace("ballots", "voters", StringComparison.Ordinal);

    private static async Task<RunResult> Supply(BenchmarkWorld world, IReadOnlyList<string> voters, int concurrency)
    {
        var at = BenchmarkWorld.Now - 5;
        var supply = world.Grains.GetGrain<ITokenSupplyGrain>(BenchmarkWorld.Token);
        var before = await supply.GetVotable(at);
        // Each voter then forgets its sequence, as its outbox does once the transfer's removal is saved.
        var result = await Driver.Run("supply", voters.Count, concurrency, async i =>
        {
            await supply.Adjust(voters[i], 1, at, 1);
            await supply.Forget(voters[i], 1);
        });
        Console.WriteLine($"  votable supply up {await supply.GetVotable(at) - before} (expected {voters.Count})");
        return result;
    }

    private static async Task<RunResult> Operator(BenchmarkWorld world, IReadOnlyList<string> voters, int concurrency)
    {
        var at = BenchmarkWorld.Now - 5;
        var supply = world.Grains.GetGrain<ITokenSupplyGrain>(BenchmarkWorld.Token);
        var before = await supply.GetVotable(BenchmarkWorld.Now);
        var result = await Driver.Run("operator feed", voters.Count, concurrency, async i =>
        {
            var voter = world.Grains.GetGrain<IVoterGrain>(voters[i]);
            await voter.RecordBalance(BenchmarkWorld.Token, at, 100 + i % 1000);
            await voter.Delegate(BenchmarkWorld.Token, voters[i]);
        });
        // The supply is moved by the voters' outboxes; a voter whose send failed delivers it on its next change.
        var expected = Enumerable.Range(0, voters.Count).Aggregate(BigInteger.Zero, (s, i) => s + 100 + i % 1000);
        Console.WriteLine($"  votable supply up {await supply.GetVotable(BenchmarkWorld.Now) - before} (expected {expected})");
        return result;
    }
}
