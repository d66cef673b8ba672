using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Governance.Tests.Samples;

namespace Blocktrack.Governance.Tests;

/// <summary>A shard's voting window agrees with the lifecycle: from the second after the snapshot through the deadline.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class VotingWindowTests
{
    private static readonly DateTimeOffset Deadline = T0 + TimeSpan.FromDays(3);

    private static VotingTerms Terms(bool open = true, bool snapshotFinal = true) => new()
    {
        Proposal = "blocktrack/1",
        Snapshot = T0,
        Deadline = Deadline,
        Class = Standard,
        Shards = 8,
        Open = open,
        SnapshotFinal = snapshotFinal,
    };

    private static ProposalFacts Facts() => new() { Snapshot = T0, Deadline = Deadline, TallyFinal = false };

    public static TheoryData<int> Offsets => new() { -1, 0, 999, 1000, 1001, 1999, 2000, 2001, 3000 };

    [Theory]
    [MemberData(nameof(Offsets))]
    public void Open_exactly_when_the_lifecycle_reads_active_before_the_deadline(int millisecondsAfterSnapshot)
    {
        foreach (var at in new[] { T0, Deadline - TimeSpan.FromSeconds(1) })
        {
            var now = at + TimeSpan.FromMilliseconds(millisecondsAfterSnapshot);
            var active = ProposalLifecycle.StateAt(Facts(), now) == ProposalState.Active && ProposalLifecycle.Truncate(now) <= Deadline;
            Assert.Equal(active, VotingWindow.IsOpen(Terms(), isSealed: false, now));
        }
    }

    [Fact]
    public void The_snapshot_second_itself_is_pending()
    {
        var e = Assert.Throws<GovernanceException>(() => VotingWindow.RequireOpen(Terms(), false, T0 + TimeSpan.FromMilliseconds(900)));
        Assert.Equal(GovernanceError.ProposalNotActive, e.Error);
        Assert.Contains("is pending until", e.Message);
    }

    [Fact]
    public void The_deadline_second_is_still_open_and_the_next_is_closed()
    {
        Assert.True(VotingWindow.IsOpen(Terms(), false, Deadline + TimeSpan.FromMilliseconds(999)));
        var e = Assert.Throws<GovernanceException>(() => VotingWindow.RequireOpen(Terms(), false, Deadline + TimeSpan.FromSeconds(1)));
        Assert.Contains("is closed", e.Message);
    }

    [Fact]
    public void Sealed_canceled_or_waiting_for_chains_is_not_open()
    {
        var mid = T0 + TimeSpan.FromDays(1);
        Assert.False(VotingWindow.IsOpen(Terms(), isSealed: true, mid));
        Assert.False(VotingWindow.IsOpen(Terms(open: false), false, mid));
        var e = Assert.Throws<GovernanceException>(() => VotingWindow.RequireOpen(Terms(snapshotFinal: false), false, mid));
        Assert.Contains("every mirrored chain", e.Message);
    }

    [Fact]
    public void Terms_are_refreshed_past_the_deadline_or_before_the_chains_catch_up_but_never_once_sealed()
    {
        var mid = T0 + TimeSpan.FromDays(1);
        Assert.False(VotingWindow.NeedsFreshTerms(Terms(), false, mid));
        Assert.True(VotingWindow.NeedsFreshTerms(Terms(), false, Deadline + TimeSpan.FromSeconds(1)));
        Assert.True(VotingWindow.NeedsFreshTerms(Terms(snapshotFinal: false), false, mid));
        Assert.False(VotingWindow.NeedsFreshTerms(Terms(), true, Deadline + TimeSpan.FromSeconds(1)));
    }
}
