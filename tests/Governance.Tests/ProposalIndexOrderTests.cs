using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests;

/// <summary>The DAO's proposal index hears of states one-way and unordered: it keeps the furthest, never going back.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class ProposalIndexOrderTests
{
    [Theory]
    [InlineData(ProposalState.Pending, ProposalState.Active, true)]
    [InlineData(ProposalState.Active, ProposalState.Queued, true)]
    [InlineData(ProposalState.Queued, ProposalState.Executed, true)]
    [InlineData(ProposalState.Pending, ProposalState.Canceled, true)]
    [InlineData(ProposalState.Executed, ProposalState.Queued, false)]
    [InlineData(ProposalState.Queued, ProposalState.Succeeded, false)]
    [InlineData(ProposalState.Queued, ProposalState.Queued, false)]
    [InlineData(ProposalState.Defeated, ProposalState.Executed, false)]
    [InlineData(ProposalState.Active, ProposalState.Pending, false)]
    public void A_state_follows_only_an_earlier_one(ProposalState from, ProposalState to, bool follows) =>
        Assert.Equal(follows, ProposalLifecycle.Follows(from, to));
}
