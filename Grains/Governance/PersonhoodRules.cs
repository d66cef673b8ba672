using System.Collections.Immutable;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// An address's entry in a personhood registry as a list of changes in time order: its state at a timepoint is the
/// last change at or before it (a binary search over the address's own changes, never over the registry).
/// </summary>
public static class PersonhoodRules
{
    /// <summary>Index of the change in force at <paramref name="timepoint"/>; −1 before the first.</summary>
    public static int IndexAt(IReadOnlyList<PersonhoodChange> history, long timepoint)
    {
        return Timeline.LastAtOrBefore(history, timepoint, static c => c.At);
    }

    public static bool IsAttestedAt(IReadOnlyList<PersonhoodChange> history, long timepoint)
    {
        var i = IndexAt(history, timepoint);
        return i >= 0 && history[i].Attested;
    }

    /// <summary>The entry as read at <paramref name="timepoint"/>: state, since when, and the changes up to then.</summary>
    public static PersonhoodRecord Record(string dao, string address, IReadOnlyList<PersonhoodChange> history, long timepoint)
    {
        var i = IndexAt(history, timepoint);
        return new PersonhoodRecord
        {
            Dao = dao,
            Address = address,
            At = timepoint,
            Attested = i >= 0 && history[i].Attested,
            Since = i >= 0 ? history[i].At : null,
            History = [.. history.Take(i + 1)],
        };
    }

    /// <summary>
    /// When a new change takes effect: now, or the last change's time if the clock reads earlier (another silo's clock),
    /// so the history stays in time order.
    /// </summary>
    public static long EffectiveAt(IReadOnlyList<PersonhoodChange> history, long now) =>
        history.Count == 0 ? now : Math.Max(now, history[^1].At);

    /// <summary>
    /// Whether <paramref name="proposal"/> decided this change: a proposal of <paramref name="dao"/> that is executed, or
    /// queued past its eta (it is executing now), whose executed action <paramref name="actionIndex"/> — its own, or in a
    /// choice class the winning choice's, as the proposal executes them — sets exactly this subject's personhood.
    /// </summary>
    public static bool DecidedBy(
        ProposalInfo proposal, string dao, string subject, int actionIndex, bool attested, DateTimeOffset now)
    {
        if (proposal.Dao != dao) return false;
        var decided = proposal.State == ProposalState.Executed || (proposal.State == ProposalState.Queued && proposal.Eta <= now);
        if (!decided) return false;
        var actions = Executed(proposal);
        return !actions.IsDefault && actionIndex >= 0 && actionIndex < actions.Length
            && Equals(actions[actionIndex], new SetPersonhood(subject, attested));
    }

    private static ImmutableArray<ProposalAction> Executed(ProposalInfo proposal)
    {
        if (!proposal.Class.CountsChoices) return proposal.Actions;
        var outcome = proposal.Tally.Outcome;
        return outcome is { Final: true, Winner: { } winner } && winner >= 1 && winner <= proposal.Choices.Length
            ? proposal.Choices[winner - 1].Actions
            : default;
    }
}
