using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>The watcher against a fake chain: confirmations, idempotence, reorgs, outages, restarts.</summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ChainWatcherTests(FakeClockClusterFixture fixture)
{
    private static readonly string Ann = DaoScenario.Address(0xa001), Ben = DaoScenario.Address(0xb001);

    private static readonly string Token = FakeChains.TokenOf(FakeChains.WatcherChain);
    private FakeChain Chain => fixture.Chains[FakeChains.WatcherChain];
    private IChainWatcherGrain Watcher => fixture.Grains.GetGrain<IChainWatcherGrain>(FakeChains.WatcherChain);
    private IVoterGrain Voter(string a) => fixture.Grains.GetGrain<IVoterGrain>(a);

    private Task<System.Numerics.BigInteger> Votes(string a, long at) => Voter(a).GetVotes(Token, at);

    [Fact]
    public async Task Mirrors_confirmed_blocks_only_survives_reorgs_outages_and_restarts()
    {
        // Confirmed blocks are mirrored; the last two (confirmation depth) are not yet.
        var b1 = Chain.Mine((Ann, 100));
        var b2 = Chain.Mine((Ben, 50), (Ann, 120));
        Chain.Mine();
        Chain.Mine((Ann, 999));
        Chain.Mine();
        var status = await Watcher.Poll();
        Assert.Equal(Chain.Head - 2, status.Cursor);
        Assert.True(status.Healthy);
        Assert.Equal(100, await Votes(Ann, b1.Timestamp));
        Assert.Equal(120, await Votes(Ann, b2.Timestamp));
        Assert.Equal(120, await Votes(Ann, long.MaxValue));
        Assert.Equal(50, await Votes(Ben, b2.Timestamp));
        Assert.Equal(170, await fixture.Grains.GetGrain<ITokenSupplyGrain>(Token).GetVotable(b2.Timestamp));
        var applied = status.LogsApplied;

        // Polling again (or after a restart) applies nothing twice.
        await fixture.Cluster.DeactivateAsync(Watcher);
        Assert.Equal(applied, (await Watcher.Poll()).LogsApplied);

        // Two more blocks confirm block 4: Ann's 999 arrives. Then a reorg replaces blocks 2.. with another branch.
        Chain.Mine();
        Chain.Mine();
        await Watcher.Poll();
        Assert.Equal(999, await Votes(Ann, long.MaxValue));
        Chain.Reorg(2);
        var c2 = Chain.Mine((Ben, 10));
        Chain.Mine((Ann, 300));
        for (var i = 0; i < 6; i++) Chain.Mine();
        var afterReorg = await Watcher.Poll();
        Assert.Equal(1, afterReorg.Reorgs);
        Assert.Equal(Chain.Head - 2, afterReorg.Cursor);
        Assert.Equal(Chain.VotesOf(Ann), await Votes(Ann, long.MaxValue));
        Assert.Equal(300, await Votes(Ann, long.MaxValue));
        Assert.Equal(10, await Votes(Ben, c2.Timestamp));
        Assert.Equal(100, await Votes(Ann, b1.Timestamp)); // below the fork nothing changed
        Assert.Equal(310, await fixture.Grains.GetGrain<ITokenSupplyGrain>(Token).GetVotable(long.MaxValue));
        // The rollback is a privileged act of the watcher: in the audit log, once, with the block it rolled back from.
        var rollbacks = await fixture.Grains.GetGrain<IAuditLogGrain>(0).Query(
            new AuditQuery { Act = AuditActs.WatcherRollback, Actor = FakeChains.WatcherChain.ToString() }, 0, 10);
        var rollback = Assert.Single(rollbacks.Items);
        Assert.Equal((AuditActorKind.ChainWatcher, $"chain:{FakeChains.WatcherChain}"), (rollback.ActorKind, rollback.Subject));
        Assert.StartsWith("rolled back from block 2 ", rollback.Detail);

        // The node goes down: the watcher reports unhealthy with the error, then catches up when it returns.
        Chain.Down = true;
        var down = await Watcher.Poll();
        Assert.False(down.Healthy);
        Assert.Contains("connection refused", down.LastError);
        Chain.Down = false;
        Chain.Mine((Ben, 77));
        Chain.Mine();
        Chain.Mine();
        var back = await Watcher.Poll();
        Assert.True(back.Healthy);
        Assert.Equal(77, await Votes(Ben, long.MaxValue));
        Assert.Equal(0, back.LagBlocks - 2);
    }
}
