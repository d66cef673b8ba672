using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

[Trait("Category", TestCategory.Fast)]
public sealed class ProposalDeadlineTests
{
    private static readonly DateTimeOffset Snapshot = T0;
    private static readonly DateTimeOffset Deadline = T0 + TimeSpan.FromDays(3);
    private static readonly DateTimeOffset Eta = Deadline + TimeSpan.FromDays(1);
    private static readonly TimeSpan Grace = TimeSpan.FromDays(14);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static ProposalFacts Facts(Tally? tally = null, DateTimeOffset? eta = null) => new()
    {
        Snapshot = Snapshot,
        Deadline = Deadline,
        Tally = tally ?? new Tally { For = 70, Against = 30, Abstain = 30 },
        QuorumRequired = 100,
        ApprovalThresholdBps = 5000,
        GracePeriod = Grace,
        Eta = eta,
    };

    [Fact]
    public void Pending_wakes_one_second_after_the_snapshot() =>
        Assert.Equal(Snapshot + Second, ProposalLifecycle.NextDeadline(Facts(), Snapshot - TimeSpan.FromHours(1)));

    [Fact]
    public void Active_wakes_one_second_after_the_deadline() =>
        Assert.Equal(Deadline + Second, ProposalLifecycle.NextDeadline(Facts(), Snapshot + Second));

    [Fact]
    public void Succeeded_is_due_immediately_so_it_can_be_queued()
    {
        var now = Deadline + TimeSpan.FromMinutes(5);
        Assert.Equal(now, ProposalLifecycle.NextDeadline(Facts(), now));
    }

    [Fact]
    public void Queued_before_the_eta_wakes_at_the_eta() =>
        Assert.Equal(Eta, ProposalLifecycle.NextDeadline(Facts(eta: Eta), Eta - TimeSpan.FromHours(1)));

    [Fact]
    public void Queued_at_or_after_the_eta_wakes_when_the_grace_period_is_over()
    {
        Assert.Equal(Eta + Grace + Second, ProposalLifecycle.NextDeadline(Facts(eta: Eta), Eta));
        Assert.Equal(Eta + Grace + Second, ProposalLifecycle.NextDeadline(Facts(eta: Eta), Eta + TimeSpan.FromDays(3)));
    }

    [Fact]
    public void Defeated_has_no_next_deadline() =>
        Assert.Null(ProposalLifecycle.NextDeadline(Facts(Tally.Empty), Deadline + Second));

    [Fact]
    public void Expired_has_no_next_deadline() =>
        Assert.Null(ProposalLifecycle.NextDeadline(Facts(eta: Eta), Eta + Grace + Second));

    [Fact]
    public void Executed_canceled_and_vetoed_have_no_next_deadline()
    {
        var during = Snapshot + Second;
        Assert.Null(ProposalLifecycle.NextDeadline(Facts(eta: Eta) with { Executed = true }, Eta));
        Assert.Null(ProposalLifecycle.NextDeadline(Facts() with { Canceled = true }, during));
        Assert.Null(ProposalLifecycle.NextDeadline(Facts(eta: Eta) with { Vetoed = true }, Eta - Second));
    }

    [Fact]
    public void Following_next_deadlines_walks_pending_active_queued_expired()
    {
        // Eta is set the way the proposal grain sets it: from the deadline, plus the timelock.
        var f = Facts();
        var now = Snapshot - TimeSpan.FromDays(1);
        var seen = new List<ProposalState> { ProposalLifecycle.StateAt(f, now) };
        for (var step = 0; step < 10 && ProposalLifecycle.NextDeadline(f, now) is { } next; step++)
        {
            now = next;
            if (ProposalLifecycle.StateAt(f, now) == ProposalState.Succeeded) f = f with { Eta = now + TimeSpan.FromDays(1) };
            var state = ProposalLifecycle.StateAt(f, now);
            if (state != seen[^1]) seen.Add(state);
        }
        Assert.Equal<ProposalState>([ProposalState.Pending, ProposalState.Active, ProposalState.Queued, ProposalState.Expired], seen);
    }

    [Theory]
    [InlineData(ProposalState.Canceled, true)]
    [InlineData(ProposalState.Defeated, true)]
    [InlineData(ProposalState.Expired, true)]
    [InlineData(ProposalState.Executed, true)]
    [InlineData(ProposalState.Vetoed, true)]
    [InlineData(ProposalState.Pending, false)]
    [InlineData(ProposalState.Active, false)]
    [InlineData(ProposalState.Succeeded, false)]
    [InlineData(ProposalState.Queued, false)]
    public void IsFinal_holds_only_for_states_nothing_leaves(ProposalState state, bool final) =>
        Assert.Equal(final, ProposalLifecycle.IsFinal(state));

    [Fact]
    public void Truncate_drops_sub_second_precision() =>
        Assert.Equal(T0, ProposalLifecycle.Truncate(T0 + TimeSpan.FromMilliseconds(999)));
}
