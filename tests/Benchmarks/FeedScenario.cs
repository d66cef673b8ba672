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
        // Other voters fed first on the same cluster, not timed, in rounds until the silo's JIT has settled
        // (JitWarmUp): with a fixed 5,000 a timed run of 20,000 voters lasted 1.2 s, mostly while tiering still ran.
        var warmCount = Math.Max(1, options.FeedVoters / 4);
        var paths = options.FeedPaths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var figures = new List<(string, string)>();
        foreach (var path in paths)
        {
            var figure = await Repeated.OfRuns(options.Runs, async run =>
            {
                await using var world = await BenchmarkWorld.Start(options.Silos, gateway: false);
                var rounds = 0;
                var warmed = await JitWarmUp.Run(world.Cluster.Silos, warmCount, options.Concurrency, () =>
                {
                    var offset = options.FeedVoters + rounds++ * warmCount;
                    IReadOnlyList<string> warm = [.. Enumerable.Range(offset, warmCount).Select(SyntheticVoters.Address)];
                    return Task.FromResult(Call(path, world, warm));
                });
                Console.WriteLine($"  {path} feed, run {run + 1}, warm-up: {warmed.Replace("ballots", "voters", StringComparison.Ordinal)}");
                var result = await Feed(path, world, voters, options.Concurrency);
                Console.WriteLine($"  {path} feed, run {run + 1} ({voters.Count:N0} voters, {options.Concurrency} in flight): {Voters(result)}");
                return result;
            }, "voters/s");
            figures.Add((path, $"{voters.Count:N0} voters: {figure}"));
        }
        return figures;
    }

    /// <summary>One voter's feed on <paramref name="path"/>: the <c>i</c>-th of <paramref name="voters"/>.</summary>
    private static Func<int, Task> Call(string path, BenchmarkWorld world, IReadOnlyList<string> voters)
    {
        var at = BenchmarkWorld.Now - 5;
        var supply = world.Grains.GetGrain<ITokenSupplyGrain>(BenchmarkWorld.Token);
        return path switch
        {
            // Each voter then forgets its sequence, as its outbox does once the transfer's removal is saved.
            "supply" => async i =>
            {
                await supply.Adjust(voters[i], 1, at, 1);
                await supply.Forget(voters[i], 1);
            },
            "operator" => async i =>
            {
                var voter = world.Grains.GetGrain<IVoterGrain>(voters[i]);
                await voter.RecordBalance(BenchmarkWorld.Token, at, 100 + i % 1000);
                await voter.Delegate(BenchmarkWorld.Token, voters[i]);
            },
            "chain" => i => world.Grains.GetGrain<IVoterGrain>(voters[i])
                .ApplyChainVotes(BenchmarkWorld.Token, block: 1, logIndex: 0, at, 100 + i % 1000),
            _ => throw new ArgumentException($"unknown feed path '{path}': use supply, operator or chain"),
        };
    }

    private static Task<RunResult> Feed(string path, BenchmarkWorld world, IReadOnlyList<string> voters, int concurrency) => path switch
    {
        "supply" => Supply(world, voters, concurrency),
        "operator" => Operator(world, voters, concurrency),
        _ => Driver.Run($"{path} feed", voters.Count, concurrency, Call(path, world, voters)),
    };

    public static string Voters(RunResult r) => r.ToString().Replace("ballots", "voters", StringComparison.Ordinal);

    private static async Task<RunResult> Supply(BenchmarkWorld world, IReadOnlyList<string> voters, int concurrency)
    {
        var at = BenchmarkWorld.Now - 5;
        var supply = world.Grains.GetGrain<ITokenSupplyGrain>(BenchmarkWorld.Token);
        var before = await supply.GetVotable(at);
        var result = await Driver.Run("supply", voters.Count, concurrency, Call("supply", world, voters));
        Console.WriteLine($"  votable supply up {await supply.GetVotable(at) - before} (expected {voters.Count})");
        return result;
    }

    private static async Task<RunResult> Operator(BenchmarkWorld world, IReadOnlyList<string> voters, int concurrency)
    {
        var supply = world.Grains.GetGrain<ITokenSupplyGrain>(BenchmarkWorld.Token);
        var before = await supply.GetVotable(BenchmarkWorld.Now);
        var result = await Driver.Run("operator feed", voters.Count, concurrency, Call("operator", world, voters));
        // The supply is moved by the voters' outboxes; a voter whose send failed delivers it on its next change.
        var expected = Enumerable.Range(0, voters.Count).Aggregate(BigInteger.Zero, (s, i) => s + 100 + i % 1000);
        Console.WriteLine($"  votable supply up {await supply.GetVotable(BenchmarkWorld.Now) - before} (expected {expected})");
        return result;
    }
}
