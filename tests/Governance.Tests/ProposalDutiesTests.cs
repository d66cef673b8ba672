using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

/// <summary>What time makes due for a proposal, asked one question at a time as the grain advances.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class ProposalDutiesTests
{
    private static readonly DateTimeOffset Deadline = T0 + TimeSpan.FromDays(3);

    private static ProposalFacts Facts() => new()
    {
        Snapshot = T0,
        Deadline = Deadline,
        Tally = new Tally { For = 10, Voters = 1 },
        QuorumRequired = 5,
        ApprovalThresholdBps = 5000,
        GracePeriod = TimeSpan.FromDays(7),
        TallyFinal = false,
    };

    [Fact]
    public void Chains_are_asked_only_after_the_snapshot_while_not_final_and_not_canceled()
    {
        var after = T0 + TimeSpan.FromSeconds(1);
        Assert.False(ProposalDuties.SnapshotCheckDue(Facts(), after));
        Assert.False(ProposalDuties.SnapshotCheckDue(Facts() with { SnapshotFinal = false }, T0));
        Assert.True(ProposalDuties.SnapshotCheckDue(Facts() with { SnapshotFinal = false }, after));
        Assert.False(ProposalDuties.SnapshotCheckDue(Facts() with { SnapshotFinal = false, Canceled = true }, after));
    }

    [Theory]
    [InlineData(ProposalState.Pending, false)]
    [InlineData(ProposalState.Canceled, false)]
    [InlineData(ProposalState.Active, true)]
    [InlineData(ProposalState.Vetoed, true)]
    public void The_quorum_base_is_read_once_voting_has_opened(ProposalState state, bool due)
    {
        Assert.Equal(due, ProposalDuties.QuorumBaseDue(Facts() with { QuorumRequired = null }, state));
        Assert.False(ProposalDuties.QuorumBaseDue(Facts(), state));
    }

    [Fact]
    public void Shards_are_sealed_once_the_deadline_second_is_over()
    {
        Assert.False(ProposalDuties.SealDue(Facts(), Deadline + TimeSpan.FromMilliseconds(999)));
        Assert.True(ProposalDuties.SealDue(Facts(), Deadline + TimeSpan.FromSeconds(1)));
        Assert.False(ProposalDuties.SealDue(Facts() with { TallyFinal = true }, Deadline + TimeSpan.FromSeconds(1)));
        Assert.False(ProposalDuties.SealDue(Facts() with { Canceled = true }, Deadline + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void The_eta_runs_from_the_deadline_however_late_the_wake_up()
    {
        var sealedFacts = Facts() with { TallyFinal = true };
        var late = Deadline + TimeSpan.FromHours(5);
        var state = ProposalLifecycle.StateAt(sealedFacts, late);
        Assert.Equal(ProposalState.Succeeded, state);
        Assert.Equal(Deadline + TimeSpan.FromSeconds(1) + TimeSpan.FromDays(2), ProposalDuties.EtaDue(sealedFacts, state, TimeSpan.FromDays(2)));
        Assert.Null(ProposalDuties.EtaDue(sealedFacts, ProposalState.Defeated, TimeSpan.FromDays(2)));
    }

    [Fact]
    public void Only_a_new_final_state_is_anchored()
    {
        Assert.True(ProposalDuties.AnchorDue(ProposalState.Executed, ProposalState.Queued));
        Assert.False(ProposalDuties.AnchorDue(ProposalState.Executed, ProposalState.Executed));
        Assert.False(ProposalDuties.AnchorDue(ProposalState.Queued, ProposalState.Succeeded));
        Assert.True(ProposalDuties.AnchorDue(ProposalState.Canceled, null));
    }

    [Fact]
    public void A_queued_proposal_executes_at_its_eta_unless_an_execution_already_failed()
    {
        var eta = Deadline + TimeSpan.FromDays(1);
        var queued = Facts() with { TallyFinal = true, Eta = eta };
        Assert.False(ProposalDuties.ExecutionDue(queued, ProposalState.Queued, eta - TimeSpan.FromSeconds(1), executionFailed: false));
        Assert.True(ProposalDuties.ExecutionDue(queued, ProposalState.Queued, eta, executionFailed: false));
        Assert.False(ProposalDuties.ExecutionDue(queued, ProposalState.Queued, eta, executionFailed: true));
        Assert.False(ProposalDuties.ExecutionDue(queued, ProposalState.Expired, eta, executionFailed: false));
    }
}
