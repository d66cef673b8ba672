using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>Moderation in the DAO grain: the role is the grain's to check, and hiding changes only listings.</summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ModerationTests(FakeClockClusterFixture fixture)
{
    private static readonly string Member = DaoScenario.Address(0x6a), Moderator = DaoScenario.Address(0x6b);

    [Fact]
    public async Task A_moderator_appointed_by_proposal_hides_a_proposal_without_touching_its_tally()
    {
        var s = new DaoScenario(fixture, "moderated-dao");
        await s.Create(s.Constitution());
        await s.Fund(Member, 600);
        var refused = await Assert.ThrowsAsync<GovernanceException>(() => s.DaoGrain.Moderate(Moderator, s.Dao + "/1", null, true, "spam", "0x"));
        Assert.Equal(GovernanceError.NotAuthorized, refused.Error);

        var appoint = await s.Propose(Member, "standard", new SetRole(DaoRole.Moderator, Moderator, true));
        await s.OpenVoting(appoint.Id);
        await s.Vote(appoint.Id, Member, Support.For);
        await s.CloseVoting(appoint.Id);
        await s.WaitFor(appoint.Id, ProposalState.Queued);
        s.Advance(TimeSpan.FromDays(1));
        await s.WaitFor(appoint.Id, ProposalState.Executed);
        Assert.True(await s.DaoGrain.HoldsRole(DaoRole.Moderator, Moderator));

        var act = await s.DaoGrain.Moderate(Moderator, appoint.Id, null, true, "test of the role", "0x01");
        Assert.Equal(1, act.Seq);
        Assert.Equal(0, (await s.DaoGrain.ListProposals(null, 0, 10)).Total);
        Assert.True(Assert.Single((await s.DaoGrain.ListProposals(null, 0, 10, includeHidden: true)).Items).Hidden);
        Assert.Equal(ProposalState.Executed, (await s.Proposal(appoint.Id).GetInfo()).State);
        Assert.Equal(600, (await s.Proposal(appoint.Id).GetTally()).For);
    }
}
