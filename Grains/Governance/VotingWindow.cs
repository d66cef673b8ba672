using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// When a shard may take a ballot: the proposal's voting period as <see cref="ProposalLifecycle"/> defines it, not yet
/// sealed, and neither canceled nor vetoed.
/// </summary>
public static class VotingWindow
{
    public static bool IsOpen(VotingTerms terms, bool isSealed, DateTimeOffset now) =>
        !isSealed && terms.Open && terms.SnapshotFinal && ProposalLifecycle.InVotingPeriod(terms.Snapshot, terms.Deadline, now);

    /// <summary>
    /// Whether the shard's copy of the terms may be out of date for this decision: the deadline can move out once (late
    /// quorum) and a cross-chain snapshot becomes final later, so a shard asks its proposal again before refusing.
    /// </summary>
    public static bool NeedsFreshTerms(VotingTerms terms, bool isSealed, DateTimeOffset now) =>
        !isSealed && (ProposalLifecycle.Truncate(now) > terms.Deadline || !terms.SnapshotFinal);

    public static void RequireOpen(VotingTerms terms, bool isSealed, DateTimeOffset now)
    {
        if (IsOpen(terms, isSealed, now)) return;
        now = ProposalLifecycle.Truncate(now);
        throw Refuse.With(GovernanceError.ProposalNotActive,
            now <= terms.Snapshot ? $"'{terms.Proposal}' is pending until {terms.Snapshot:u}"
            : !terms.SnapshotFinal ? $"'{terms.Proposal}' is pending until every mirrored chain has passed its snapshot"
            : $"voting on '{terms.Proposal}' is closed");
    }
}
