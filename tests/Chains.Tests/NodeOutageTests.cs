namespace Blocktrack.Chains.Tests;

/// <summary>The side chain's node dies mid-poll and a fresh chain takes its place: unhealthy with backoff, then healthy and consistent.</summary>
[Collection(ChainsCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class NodeOutageTests(ChainsFixture f)
{
    [Fact]
    public async Task A_stopped_node_makes_the_watcher_unhealthy_with_backoff_and_a_fresh_chain_is_mirrored_as_a_reorg()
    {
        var chain = f.B;
        var old = await chain.NewFundedKey();
        await chain.MintAndDelegate([old], 777);
        var before = await f.CaughtUp(chain);
        var watcher = f.Watcher(chain);

        await chain.StopNode();
        var down = await watcher.Poll();
        Assert.False(down.Healthy);
        Assert.False(string.IsNullOrEmpty(down.LastError));
        Assert.NotNull(down.LastErrorAt);

        // Backing off: over a second and a half the 100 ms timer would poll ~15 times; it polls a handful at most.
        var polls = new HashSet<DateTimeOffset?>();
        for (var i = 0; i < 30; i++)
        {
            var status = await watcher.GetStatus();
            Assert.False(status.Healthy);
            polls.Add(status.LastPollAt);
            await Task.Delay(50);
        }
        Assert.InRange(polls.Count, 1, 6);

        // A new chain with the same id on the same port: a different history from genesis on.
        await chain.StartFreshNode();
        await ChainsFixture.DeployBase(chain);
        var fresh = await chain.NewFundedKey();
        await chain.MintAndDelegate([fresh], 4_242);
        await chain.AdvanceTime(1);
        var now = (await chain.Latest()).Timestamp;

        var back = await f.CaughtUp(chain, TimeSpan.FromSeconds(30));
        Assert.True(back.Healthy);
        Assert.Equal(before.Reorgs + 1, back.Reorgs);
        await f.AssertMirrored(chain, [DevAccounts.AddressOf(old), DevAccounts.AddressOf(fresh), .. DevAccounts.Keys[1..5].Select(DevAccounts.AddressOf)],
            [now - 1]);
        Assert.Equal(0, await f.Grains.GetGrain<Grains.Interfaces.IVoterGrain>(DevAccounts.AddressOf(old)).GetVotes(chain.Token, long.MaxValue));
    }
}
