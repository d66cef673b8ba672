using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Benchmarks;

/// <summary>
/// Voters with voting power set up per second, the two ways the product offers: the operator's feed (a balance, then a
/// self-delegation, as <c>POST /voters/{a}/balances</c> and a signed <c>Delegation</c> do — minus HTTP and the signature,
/// which the gateway scenario measures) and the chain mirror (<see cref="IVoterGrain.ApplyChainVotes"/>). Only the
/// operator's feed moves the token's votable supply per voter, so it is the one that shows the supply grain's cost.
/// Durable commits throughout (no bulk-load shortcut), on a fresh cluster per path.
/// </summary>
public static class FeedScenario
{
    public static async Task<(RunResult Operator, RunResult Chain)> Run(BenchmarkOptions options)
    {
        var voters = BenchmarkWorld.Voters(options.FeedVoters);
        RunResult operatorFeed, chainFeed;
        await using (var world = await BenchmarkWorld.Start(options.Silos, gateway: false))
        {
            var at = BenchmarkWorld.Now - 5;
            operatorFeed = await Driver.Run("operator feed", voters.Length, options.Concurrency, async i =>
            {
                var voter = world.Grains.GetGrain<IVoterGrain>(voters[i]);
                await voter.RecordBalance(BenchmarkWorld.Token, at, 100 + i % 1000);
                await voter.Delegate(BenchmarkWorld.Token, voters[i]);
            });
            var expected = Enumerable.Range(0, voters.Length).Aggregate(BigInteger.Zero, (s, i) => s + 100 + i % 1000);
            var votable = await Eventually(() => world.Grains.GetGrain<ITokenSupplyGrain>(BenchmarkWorld.Token).GetVotable(BenchmarkWorld.Now), expected);
            Console.WriteLine($"  operator feed ({voters.Length:N0} voters, {options.Concurrency} in flight): {Voters(operatorFeed)}; " +
                $"votable supply {votable} (expected {expected})");
        }
        await using (var world = await BenchmarkWorld.Start(options.Silos, gateway: false))
        {
            var at = BenchmarkWorld.Now - 5;
            chainFeed = await Driver.Run("chain feed", voters.Length, options.Concurrency, i =>
                world.Grains.GetGrain<IVoterGrain>(voters[i]).ApplyChainVotes(BenchmarkWorld.Token, block: 1, logIndex: 0, at, 100 + i % 1000));
            Console.WriteLine($"  chain feed ({voters.Length:N0} voters, {options.Concurrency} in flight): {Voters(chainFeed)}");
        }
        return (operatorFeed, chainFeed);
    }

    public static string Voters(RunResult r) => r.ToString().Replace("ballots", "voters", StringComparison.Ordinal);

    /// <summary>The supply is moved by the voters' outboxes, which a voter's answer does not wait for when a send fails.</summary>
    private static async Task<BigInteger> Eventually(Func<Task<BigInteger>> read, BigInteger expected)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        BigInteger value;
        while ((value = await read()) != expected && DateTimeOffset.UtcNow < until) await Task.Delay(100);
        return value;
    }
}
