using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// The Governor state machine as a pure function of facts and time, as OpenZeppelin's <c>state()</c>:
/// Pending until the snapshot has passed, Active through the deadline, then Defeated or Succeeded;
/// Succeeded becomes Queued with an eta, Expired after eta + grace, or Executed. Canceled and Vetoed are final.
/// </summary>
public static class ProposalLifecycle
{
    public static ProposalState StateAt(ProposalFacts f, DateTimeOffset now)
    {
        if (f.Executed) return ProposalState.Executed;
        if (f.Canceled) return ProposalState.Canceled;
        if (f.Vetoed) return ProposalState.Vetoed;
        // The clock is whole seconds (ERC-6372 timestamp mode): power at the snapshot second is final
        // only once that second is over, so voting opens at snapshot + 1s.
        now = Truncate(now);
        if (now <= f.Snapshot || !f.SnapshotFinal) return ProposalState.Pending;
        if (InVotingPeriod(f.Snapshot, f.Deadline, now) || !f.TallyFinal) return ProposalState.Active;
        if (!Outcome.Passed(f)) return ProposalState.Defeated;
        if (f.Eta is not { } eta) return ProposalState.Succeeded;
        return now > eta + f.GracePeriod ? ProposalState.Expired : ProposalState.Queued;
    }

    /// <summary>Ballots count from the second after the snapshot through the deadline, both in whole seconds.</summary>
    public static bool InVotingPeriod(DateTimeOffset snapshot, DateTimeOffset deadline, DateTimeOffset now)
    {
        now = Truncate(now);
        return now > snapshot && now <= deadline;
    }

    /// <summary>The next instant at which the state may change by time alone, or null when none will.</summary>
    public static DateTimeOffset? NextDeadline(ProposalFacts f, DateTimeOffset now) =>
        StateAt(f, now) switch
        {
            ProposalState.Pending when Truncate(now) <= f.Snapshot => f.Snapshot + Tick,
            ProposalState.Pending => now + ChainRecheck,
            ProposalState.Active when now <= f.Deadline => f.Deadline + Tick,
            ProposalState.Active => now,
            ProposalState.Succeeded => now,
            ProposalState.Queued when f.Eta is { } eta && now < eta => eta,
            ProposalState.Queued when f.Eta is { } eta => eta + f.GracePeriod + Tick,
            _ => null,
        };

    /// <summary>How often a proposal whose snapshot chains have not caught up asks again.</summary>
    public static readonly TimeSpan ChainRecheck = TimeSpan.FromSeconds(2);

    /// <summary>Drops sub-second precision: governance time is whole unix seconds.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset t) => DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds());

    /// <summary>States change strictly after an instant, so deadlines fire one tick later.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    public static bool IsFinal(ProposalState s) =>
        s is ProposalState.Canceled or ProposalState.Defeated or ProposalState.Expired or ProposalState.Executed or ProposalState.Vetoed;

    /// <summary>
    /// Whether a proposal can move from <paramref name="from"/> to <paramref name="to"/>: only forward (pending, active,
    /// succeeded, queued, then a final state), never out of a final one. Announcements travel as one-way messages, which
    /// Orleans does not order, so an index keeps the furthest state it heard of.
    /// </summary>
    public static bool Follows(ProposalState from, ProposalState to) => !IsFinal(from) && Rank(to) > Rank(from);

    private static int Rank(ProposalState s) => s switch
    {
        ProposalState.Pending => 0,
        ProposalState.Active => 1,
        ProposalState.Succeeded => 2,
        ProposalState.Queued => 3,
        _ => 4,
    };

    /// <summary>
    /// GovernorPreventLateQuorum: the first time quorum is reached, voting continues for at least the extension.
    /// Returns the new deadline, or the old one when no extension applies.
    /// </summary>
    public static DateTimeOffset ExtendForLateQuorum(DateTimeOffset deadline, DateTimeOffset quorumReachedAt, TimeSpan extension)
    {
        var extended = quorumReachedAt + extension;
        return extended > deadline ? extended : deadline;
    }
}
