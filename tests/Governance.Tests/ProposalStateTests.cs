using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class ProposalStateTests
{
    private static readonly DateTimeOffset Snapshot = T0;
    private static readonly DateTimeOffset Deadline = T0 + TimeSpan.FromDays(3);
    private static readonly DateTimeOffset Eta = Deadline + TimeSpan.FromDays(1);
    private static readonly TimeSpan Grace = TimeSpan.FromDays(14);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static readonly Tally Passing = new() { For = 70, Against = 30, Abstain = 30, Voters = 3 };

    private static ProposalFacts Facts(Tally? tally = null, DateTimeOffset? eta = null) => new()
    {
        Snapshot = Snapshot,
        Deadline = Deadline,
        Tally = tally ?? Passing,
        QuorumRequired = 100,
        ApprovalThresholdBps = 6000,
        GracePeriod = Grace,
        Eta = eta,
    };

    private static ProposalState At(ProposalFacts f, DateTimeOffset now) => ProposalLifecycle.StateAt(f, now);

    [Fact]
    public void Is_pending_before_the_snapshot() =>
        Assert.Equal(ProposalState.Pending, At(Facts(), Snapshot - TimeSpan.FromHours(5)));

    [Fact]
    public void Is_pending_at_the_snapshot_second() =>
        Assert.Equal(ProposalState.Pending, At(Facts(), Snapshot));

    [Fact]
    public void Is_still_pending_late_within_the_snapshot_second() =>
        Assert.Equal(ProposalState.Pending, At(Facts(), Snapshot + TimeSpan.FromMilliseconds(999)));

    [Fact]
    public void Becomes_active_one_second_after_the_snapshot() =>
        Assert.Equal(ProposalState.Active, At(Facts(), Snapshot + Second));

    [Fact]
    public void Is_active_at_the_deadline_inclusive() =>
        Assert.Equal(ProposalState.Active, At(Facts(), Deadline));

    [Fact]
    public void Is_still_active_late_within_the_deadline_second() =>
        Assert.Equal(ProposalState.Active, At(Facts(), Deadline + TimeSpan.FromMilliseconds(999)));

    [Fact]
    public void Is_active_regardless_of_the_tally_before_the_deadline() =>
        Assert.Equal(ProposalState.Active, At(Facts(Tally.Empty), Deadline - Second));

    [Fact]
    public void Is_defeated_without_quorum() =>
        Assert.Equal(ProposalState.Defeated, At(Facts(new Tally { For = 60, Against = 0, Abstain = 39 }), Deadline + Second));

    [Fact]
    public void Is_defeated_when_for_equals_against_even_with_quorum() =>
        Assert.Equal(ProposalState.Defeated, At(Facts(new Tally { For = 100, Against = 100 }), Deadline + Second));

    [Fact]
    public void Is_defeated_when_for_beats_against_but_misses_the_approval_threshold() =>
        Assert.Equal(ProposalState.Defeated, At(Facts(new Tally { For = 59, Against = 41 }), Deadline + Second));

    [Fact]
    public void Is_defeated_when_quorum_was_never_determined() =>
        Assert.Equal(ProposalState.Defeated, At(Facts() with { QuorumRequired = null }, Deadline + Second));

    [Fact]
    public void Succeeds_after_the_deadline_with_quorum_and_approval_and_no_eta() =>
        Assert.Equal(ProposalState.Succeeded, At(Facts(new Tally { For = 60, Against = 40, Abstain = 40 }), Deadline + Second));

    [Fact]
    public void Stays_succeeded_indefinitely_until_queued() =>
        Assert.Equal(ProposalState.Succeeded, At(Facts(), Deadline + TimeSpan.FromDays(400)));

    [Fact]
    public void Is_queued_before_the_eta() =>
        Assert.Equal(ProposalState.Queued, At(Facts(eta: Eta), Eta - Second));

    [Fact]
    public void Is_queued_at_the_eta() =>
        Assert.Equal(ProposalState.Queued, At(Facts(eta: Eta), Eta));

    [Fact]
    public void Is_queued_through_eta_plus_grace_inclusive() =>
        Assert.Equal(ProposalState.Queued, At(Facts(eta: Eta), Eta + Grace + TimeSpan.FromMilliseconds(999)));

    [Fact]
    public void Expires_one_second_after_eta_plus_grace() =>
        Assert.Equal(ProposalState.Expired, At(Facts(eta: Eta), Eta + Grace + Second));

    [Fact]
    public void A_defeated_proposal_with_an_eta_stays_defeated() =>
        Assert.Equal(ProposalState.Defeated, At(Facts(Tally.Empty, Eta), Eta));

    [Theory]
    [InlineData(-3600)] // pending
    [InlineData(3600)] // active
    [InlineData(3 * 86400 + 1)] // would be queued
    [InlineData(30 * 86400)] // would be expired
    public void Executed_takes_precedence_over_every_time_state(int secondsAfterSnapshot)
    {
        var f = Facts(eta: Eta) with { Executed = true, Canceled = true, Vetoed = true };
        Assert.Equal(ProposalState.Executed, At(f, Snapshot + TimeSpan.FromSeconds(secondsAfterSnapshot)));
    }

    [Theory]
    [InlineData(-3600)]
    [InlineData(3600)]
    [InlineData(30 * 86400)]
    public void Canceled_takes_precedence_over_time_and_veto(int secondsAfterSnapshot)
    {
        var f = Facts(eta: Eta) with { Canceled = true, Vetoed = true };
        Assert.Equal(ProposalState.Canceled, At(f, Snapshot + TimeSpan.FromSeconds(secondsAfterSnapshot)));
    }

    [Theory]
    [InlineData(5 * 86400)] // queued
    [InlineData(30 * 86400)] // would be expired
    public void Vetoed_takes_precedence_over_queued_and_expired(int secondsAfterSnapshot)
    {
        var f = Facts(eta: Eta) with { Vetoed = true };
        Assert.Equal(ProposalState.Vetoed, At(f, Snapshot + TimeSpan.FromSeconds(secondsAfterSnapshot)));
    }
}
