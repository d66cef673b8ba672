using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// Moderation as a log: what is hidden now is the last act on each target. A target is a proposal of the DAO or one
/// ballot's reason in it; acts that change nothing are refused, so the log records only real changes.
/// </summary>
public static class ModerationRules
{
    public const int MaxReason = 1000;

    /// <summary>The key of a target: the proposal id, or <c>{proposal}#{voter}</c> for a ballot's reason.</summary>
    public static string Key(string proposal, string? voter) => voter is null ? proposal : $"{proposal}#{voter}";

    /// <summary>The voters of <paramref name="proposal"/> whose ballot reasons are among <paramref name="hidden"/>, in order.</summary>
    public static IEnumerable<string> HiddenReasons(IEnumerable<string> hidden, string proposal)
    {
        var prefix = Key(proposal, "");
        return hidden.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..])
            .Order(StringComparer.Ordinal);
    }

    /// <summary>The targets hidden now, from the whole log.</summary>
    public static HashSet<string> Hidden(IEnumerable<ModerationAction> log)
    {
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var act in log)
        {
            if (act.Hidden) hidden.Add(Key(act.Proposal, act.Voter)); else hidden.Remove(Key(act.Proposal, act.Voter));
        }
        return hidden;
    }

    /// <summary>
    /// Whether hiding act <paramref name="seq"/> stands: it hid something and nothing has acted on its target since — no
    /// appeal reversed it and no moderator restored it (a hiding its own moderator takes back earns nothing).
    /// </summary>
    public static bool Stands(IReadOnlyList<ModerationAction> log, long seq)
    {
        if (seq < 1 || seq > log.Count || log[(int)seq - 1] is not { Hidden: true, Reverses: null } act) return false;
        var key = Key(act.Proposal, act.Voter);
        for (var i = (int)seq; i < log.Count; i++)
        {
            if (Key(log[i].Proposal, log[i].Voter) == key) return false;
        }
        return true;
    }

    /// <summary>Refuses an act on something that is not the DAO's, a missing reason, or one that changes nothing.</summary>
    public static void Validate(string dao, int proposals, string proposal, string? voter, bool hide, string reason,
        IReadOnlySet<string> hidden)
    {
        Refuse.Unless(Names.TryParseProposalId(proposal, out var owner, out var seq) && owner == dao && seq >= 1 && seq <= proposals,
            GovernanceError.ProposalNotFound, $"'{dao}' has no proposal '{proposal}'");
        if (voter is not null) Addresses.Require(voter, "voter");
        Refuse.Unless(!string.IsNullOrWhiteSpace(reason) && reason.Length <= MaxReason, GovernanceError.InvalidArgument,
            $"a moderation needs a reason of 1..{MaxReason} characters");
        var target = voter is null ? $"proposal {proposal}" : $"the reason of {voter}'s ballot on {proposal}";
        Refuse.Unless(hidden.Contains(Key(proposal, voter)) != hide, GovernanceError.InvalidState,
            hide ? $"{target} is already hidden" : $"{target} is not hidden");
    }
}
