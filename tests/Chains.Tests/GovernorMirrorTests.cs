using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Chains.Tests;

/// <summary>A real Governor proposal mirrored read-only: description, proposer, snapshot, deadline, state and VoteCast tally, through a reorg.</summary>
[Collection(ChainsCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class GovernorMirrorTests(ChainsFixture f)
{
    private TestChain Chain => f.A;
    private IMirroredGovernorGrain Governor => f.Grains.GetGrain<IMirroredGovernorGrain>(MirrorKeys.Governor(Chain.Id, Chain.Governor.Address));

    [Fact]
    public async Task An_on_chain_proposal_shows_its_tally_and_state_and_a_reorg_takes_back_its_queueing()
    {
        var scenario = new GovernorScenario(Chain);
        await scenario.Propose("Delegate the timelock's BTK");
        await scenario.Vote();
        await f.CaughtUp(Chain);

        var active = await Governor.GetProposal(scenario.Id);
        var onChain = await Chain.Governor.CallAllAsync("proposalVotes", scenario.ProposalId);
        Assert.Equal(ProposalState.Active, active.State);
        Assert.Equal((int)ProposalState.Active, await scenario.State());
        Assert.Equal("Delegate the timelock's BTK", active.Title);
        Assert.Equal(scenario.Description, active.Description);
        Assert.Equal(DevAccounts.AddressOf(scenario.Voters[0]), active.Proposer);
        Assert.Equal(Chain.Btk.Address, Assert.Single(active.Targets));
        Assert.Equal(await scenario.Snapshot(), active.VoteStart);
        Assert.Equal(await scenario.Deadline(), active.VoteEnd);
        Assert.Equal((BigInteger)onChain[1]!, active.Tally.For);
        Assert.Equal((BigInteger)onChain[0]!, active.Tally.Against);
        Assert.Equal((BigInteger)onChain[2]!, active.Tally.Abstain);
        Assert.Equal(600 * GovernorScenario.Token, active.Tally.For);
        Assert.Equal(250 * GovernorScenario.Token, active.Tally.Against);
        Assert.Equal(100 * GovernorScenario.Token, active.Tally.Abstain);
        Assert.Equal(3, active.Tally.Voters);
        Assert.Equal("onchain/l3", active.Dao);
        var page = await Governor.ListProposals(ProposalState.Active, 0, 200);
        Assert.Contains(page.Items, p => p.Id == scenario.Id);
        Assert.Equal("onchain/l3", (await Governor.GetInfo()).Dao);

        // Past the deadline it succeeds (quorum read from the Governor), then the timelock queues it...
        var fork = await Chain.Dev.SnapshotAsync();
        var reorgs = (await f.Watcher(Chain).GetStatus()).Reorgs;
        await Chain.AdvanceTime(TestChain.VotingPeriodSeconds + 1);
        await f.CaughtUp(Chain);
        var succeeded = await Governor.GetProposal(scenario.Id);
        Assert.Equal((int)ProposalState.Succeeded, await scenario.State());
        Assert.Equal(ProposalState.Succeeded, succeeded.State);
        Assert.False(succeeded.Provisional);
        Assert.Equal(await Chain.Governor.CallAsync<BigInteger>("quorum", succeeded.VoteStart), succeeded.Quorum);
        await scenario.Queue();
        await f.CaughtUp(Chain);
        var queued = await Governor.GetProposal(scenario.Id);
        Assert.Equal(ProposalState.Queued, queued.State);
        Assert.Equal((long)await Chain.Governor.CallAsync<BigInteger>("proposalEta", scenario.ProposalId), queued.Eta);

        // ...until a reorg takes the chain back to before the deadline: queueing and time are undone, the votes stay.
        Assert.True(await Chain.Dev.RevertAsync(fork));
        await Chain.Dev.MineAsync();
        var back = await Eventually.Until(() => Governor.GetProposal(scenario.Id), p => p.State == ProposalState.Active, what: "proposal active again");
        Assert.Null(back.QueuedBlock);
        Assert.Null(back.Eta);
        Assert.Equal(active.Tally, back.Tally);
        Assert.Equal(reorgs + 1, (await f.Watcher(Chain).GetStatus()).Reorgs);
    }

    [Fact]
    public async Task Unknown_proposals_are_not_found()
    {
        var missing = await Assert.ThrowsAsync<GovernanceException>(() => Governor.GetProposal("12345"));
        Assert.Equal(GovernanceError.ProposalNotFound, missing.Error);
    }
}
