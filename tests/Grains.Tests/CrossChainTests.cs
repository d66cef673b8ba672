using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>Power summed across a mirrored chain and the cluster's own token, with voting gated on the chain's progress.</summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class CrossChainTests(FakeClockClusterFixture fixture)
{
    private static readonly string Cat = DaoScenario.Address(0xc0c0);

    [Fact]
    public async Task Voting_opens_only_when_the_chain_has_passed_the_snapshot_and_power_is_summed_across_chains()
    {
        var s = new DaoScenario(fixture, "crosschain");
        var cls = s.Standard with
        {
            Name = "both", PowerSource = new PowerSource { Tokens = [s.Token, FakeChains.TokenOf(FakeChains.CrossChain)] },
        };
        await s.Create(s.Constitution(cls));
        await s.Fund(Cat, 40);
        var chain = fixture.Chains[FakeChains.CrossChain];
        var watcher = fixture.Grains.GetGrain<IChainWatcherGrain>(FakeChains.CrossChain);
        chain.MineAt(s.Now, (Cat, 25));
        var p = await s.Propose(Cat, "both");
        s.Advance(p.Snapshot - DateTimeOffset.FromUnixTimeSeconds(s.Now) + TimeSpan.FromSeconds(5));

        // The snapshot has passed on the cluster's clock, but the chain has not been followed that far yet.
        await watcher.Poll();
        s.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(ProposalState.Pending, (await s.Proposal(p.Id).GetInfo()).State);
        var early = await Assert.ThrowsAsync<GovernanceException>(() => s.Vote(p.Id, Cat, Support.For));
        Assert.Equal(GovernanceError.ProposalNotActive, early.Error);

        // Blocks past the snapshot get confirmed: voting opens, and power is 25 on chain + 40 in the cluster.
        chain.MineAt(p.Snapshot.ToUnixTimeSeconds() + 1, (Cat, 1_000)); // after the snapshot: must not count
        chain.Mine();
        chain.Mine();
        var status = await watcher.Poll();
        Assert.True(status.CursorTimestamp > p.Snapshot.ToUnixTimeSeconds());
        s.Advance(TimeSpan.FromSeconds(3));
        await s.WaitFor(p.Id, ProposalState.Active);
        var receipt = await s.Vote(p.Id, Cat, Support.For);
        Assert.Equal(65, receipt.Weight);
        Assert.Equal(40 + 25, (await s.Proposal(p.Id).GetInfo()).VotableSupply);
    }
}
