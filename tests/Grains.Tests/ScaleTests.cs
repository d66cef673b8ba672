using System.Diagnostics;
using Blocktrack.Grains.Interfaces;
using Xunit.Abstractions;

namespace Blocktrack.Grains.Tests;

/// <summary>Ten thousand voters through one proposal; prints the time, asserts only the counts.</summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Scale)]
public sealed class ScaleTests(FakeClockClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Ten_thousand_voters_are_each_counted_once_and_the_proposal_executes()
    {
        const int voters = 10_000;
        var s = new DaoScenario(fixture, "scale");
        await s.Create();
        var addresses = Enumerable.Range(1, voters).Select(i => DaoScenario.Address(0x5000_0000 + i)).ToArray();
        await Parallel.ForEachAsync(addresses, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (a, _) => await s.Fund(a, 10));
        var p = await s.Propose(addresses[0], "standard", new TreasuryTransfer("btk", addresses[1], 1));
        await s.OpenVoting(p.Id);

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(addresses.Select((a, i) => (a, i)), new ParallelOptions { MaxDegreeOfParallelism = 256 },
            async (v, _) => await s.Vote(p.Id, v.a, v.i % 10 == 0 ? Support.Against : Support.For));
        var ballots = watch.Elapsed;
        await s.CloseVoting(p.Id);
        var queued = await s.WaitFor(p.Id, ProposalState.Queued);
        s.Advance(queued.Eta!.Value - DateTimeOffset.FromUnixTimeSeconds(s.Now));
        var executed = await s.WaitFor(p.Id, ProposalState.Executed);
        var total = watch.Elapsed;

        Assert.Equal(voters, executed.Tally.Voters);
        Assert.Equal(9_000 * 10, executed.Tally.For);
        Assert.Equal(1_000 * 10, executed.Tally.Against);
        output.WriteLine($"10,000 voters: ballots in {ballots.TotalMilliseconds:F0} ms ({voters / ballots.TotalSeconds:F0}/s), first ballot to executed {total.TotalMilliseconds:F0} ms");
        Console.WriteLine($"[scale] 10,000 voters: ballots {ballots.TotalMilliseconds:F0} ms, first ballot to executed {total.TotalMilliseconds:F0} ms");
    }
}
