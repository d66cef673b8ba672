using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

/// <summary>Between the deadline and the sealing of the ballot shards the outcome is not decided yet.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class CountingWindowTests
{
    private static readonly DateTimeOffset Deadline = T0 + TimeSpan.FromDays(3);

    private static ProposalFacts Facts(bool final) => new()
    {
        Snapshot = T0, Deadline = Deadline, Tally = new Tally { For = 1, Voters = 1 }, QuorumRequired = 100,
        ApprovalThresholdBps = 5000, GracePeriod = TimeSpan.FromDays(7), TallyFinal = final,
    };

    [Fact]
    public void A_closed_vote_whose_shards_are_not_sealed_still_reads_active() =>
        Assert.Equal(ProposalState.Active, ProposalLifecycle.StateAt(Facts(final: false), Deadline + TimeSpan.FromHours(1)));

    [Fact]
    public void Once_sealed_the_same_facts_decide_the_outcome() =>
        Assert.Equal(ProposalState.Defeated, ProposalLifecycle.StateAt(Facts(final: true), Deadline + TimeSpan.FromHours(1)));

    [Fact]
    public void An_unsealed_closed_vote_is_due_for_sealing_now()
    {
        var now = Deadline + TimeSpan.FromMinutes(5);
        Assert.Equal(now, ProposalLifecycle.NextDeadline(Facts(final: false), now));
    }

    [Fact]
    public void An_open_vote_is_due_one_second_after_its_deadline()
    {
        var now = Deadline - TimeSpan.FromHours(2);
        Assert.Equal(Deadline + TimeSpan.FromSeconds(1), ProposalLifecycle.NextDeadline(Facts(final: false), now));
    }
}
