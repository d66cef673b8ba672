using Blocktrack.Grains.Governance;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class LateQuorumTests
{
    private static readonly DateTimeOffset Deadline = T0 + TimeSpan.FromDays(3);
    private static readonly TimeSpan Extension = TimeSpan.FromDays(1);

    [Fact]
    public void Quorum_reached_an_hour_before_the_deadline_extends_voting_to_reached_plus_extension()
    {
        var reached = Deadline - TimeSpan.FromHours(1);
        Assert.Equal(Deadline + TimeSpan.FromHours(23), ProposalLifecycle.ExtendForLateQuorum(Deadline, reached, Extension));
    }

    [Fact]
    public void Quorum_reached_at_the_deadline_extends_by_the_full_extension() =>
        Assert.Equal(Deadline + Extension, ProposalLifecycle.ExtendForLateQuorum(Deadline, Deadline, Extension));

    [Fact]
    public void Quorum_reached_early_leaves_the_deadline() =>
        Assert.Equal(Deadline, ProposalLifecycle.ExtendForLateQuorum(Deadline, T0 + TimeSpan.FromHours(2), Extension));

    [Fact]
    public void Quorum_reached_exactly_one_extension_before_the_deadline_leaves_it() =>
        Assert.Equal(Deadline, ProposalLifecycle.ExtendForLateQuorum(Deadline, Deadline - Extension, Extension));

    [Fact]
    public void A_zero_extension_never_moves_the_deadline() =>
        Assert.Equal(Deadline, ProposalLifecycle.ExtendForLateQuorum(Deadline, Deadline - TimeSpan.FromSeconds(1), TimeSpan.Zero));
}
