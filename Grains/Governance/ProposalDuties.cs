using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// What time has made due for a proposal, asked step by step while it advances: each answer depends on the facts the
/// previous step recorded (a sealed tally decides the state, the state decides the eta), so these are separate questions.
/// </summary>
public static class ProposalDuties
{
    /// <summary>A cross-chain snapshot has passed: ask the chains whether they have all followed past it.</summary>
    public static bool SnapshotCheckDue(ProposalFacts f, DateTimeOffset now) =>
        !f.SnapshotFinal && !f.Canceled && ProposalLifecycle.Truncate(now) > f.Snapshot;

    /// <summary>Voting has opened (or was never canceled before it): the votable power at the snapshot fixes the quorum.</summary>
    public static bool QuorumBaseDue(ProposalFacts f, ProposalState state) =>
        f.QuorumRequired is null && state is not (ProposalState.Pending or ProposalState.Canceled);

    /// <summary>Voting is over and the ballots are not yet sealed into a final tally.</summary>
    public static bool SealDue(ProposalFacts f, DateTimeOffset now) =>
        !f.TallyFinal && !f.Canceled && ProposalLifecycle.Truncate(now) > f.Deadline;

    /// <summary>
    /// The eta of a proposal that has just succeeded. Deterministic: the timelock runs from the deadline, however late the
    /// wake-up came. Null when the proposal has not (or not just) succeeded.
    /// </summary>
    public static DateTimeOffset? EtaDue(ProposalFacts f, ProposalState state, TimeSpan timelockDelay) =>
        state == ProposalState.Succeeded && f.Eta is null ? f.Deadline + ProposalLifecycle.Tick + timelockDelay : null;

    /// <summary>A final state is anchored on chain before it is announced, so a failed publish is retried at the next wake-up.</summary>
    public static bool AnchorDue(ProposalState state, ProposalState? announced) => state != announced && ProposalLifecycle.IsFinal(state);

    /// <summary>A queued proposal past its eta executes by itself, once: a failed execution waits for an explicit retry.</summary>
    public static bool ExecutionDue(ProposalFacts f, ProposalState state, DateTimeOffset now, bool executionFailed) =>
        state == ProposalState.Queued && f.Eta <= now && !executionFailed;
}
