using System.Collections.Immutable;
using Blocktrack.Grains.Audit;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Daos;

/// <summary>The DAO's moderation: a log of signed acts by its moderators, and what it hides from listings now.</summary>
public sealed partial class DaoGrain
{
    private HashSet<string>? _hidden;

    /// <summary>Derived from the log once per activation, then kept up to date as acts are recorded.</summary>
    private HashSet<string> HiddenNow => _hidden ??= ModerationRules.Hidden(S.Moderation);

    public async Task<ModerationAction> Moderate(
        string moderator, string proposal, string? voter, bool hide, string reason, string digest)
    {
        RequireCreated();
        // The role is checked here, in the grain that owns it, whatever the edge checked.
        Refuse.Unless(S.Roles.Holds(DaoRole.Moderator, moderator), GovernanceError.NotAuthorized,
            $"{moderator} is not a moderator of '{Path}'");
        ModerationRules.Validate(Path, S.Proposals.Count, proposal, voter, hide, reason, HiddenNow);
        var act = new ModerationAction
        {
            Seq = S.Moderation.Count + 1, Proposal = proposal, Voter = voter, Hidden = hide, Moderator = moderator, Reason = reason,
            At = Now, Digest = digest,
        };
        S.Moderation.Add(act);
        var queued = S.Outbox.Count;
        Audit(AuditTrail.BySigner(moderator, $"moderation:{Path}#{act.Seq}", Now, AuditActs.ModerationRecorded, proposal,
            $"{(hide ? "hid" : "restored")} {(voter is null ? "the proposal" : $"the ballot reason of {voter}")}: {reason}"));
        // A hiding starts its appeal window in the participation ledger, delivered through the outbox with the act.
        if (hide && Current.Participation is not null)
            S.Outbox.Add(new DaoEffect { ProposalId = proposal, Target = Path, Moderation = act });
        try
        {
            await Save();
        }
        catch
        {
            S.Moderation.RemoveAt(S.Moderation.Count - 1);
            S.Outbox.RemoveRange(queued, S.Outbox.Count - queued);
            throw;
        }
        var key = ModerationRules.Key(proposal, voter);
        if (hide) HiddenNow.Add(key); else HiddenNow.Remove(key);
        await DeliverEffects();
        return act;
    }

    public Task<bool> ModerationUpheld(long seq)
    {
        RequireCreated();
        return Task.FromResult(ModerationRules.Stands(S.Moderation, seq));
    }

    /// <summary>An executed appeal: a restore act in the log that names the act it reverses (saved with the execution).</summary>
    private void Reverse(ReverseModeration appeal, string proposalId)
    {
        var original = S.Moderation[(int)appeal.Seq - 1];
        S.Moderation.Add(new ModerationAction
        {
            Seq = S.Moderation.Count + 1, Proposal = original.Proposal, Voter = original.Voter, Hidden = false,
            Moderator = proposalId, Reason = appeal.Reason, At = Now, Reverses = appeal.Seq,
        });
        HiddenNow.Remove(ModerationRules.Key(original.Proposal, original.Voter));
    }

    public Task<ModerationPage> GetModeration(int offset, int limit)
    {
        RequireCreated();
        Paging.RequireProposalPage(offset, limit);
        return Task.FromResult(new ModerationPage
        {
            Items = [.. S.Moderation.Skip(offset).Take(limit)], Total = S.Moderation.Count, Offset = offset, Limit = limit,
        });
    }

    public Task<ImmutableArray<string>> HiddenReasons(string proposal)
    {
        RequireCreated();
        return Task.FromResult<ImmutableArray<string>>([.. ModerationRules.HiddenReasons(HiddenNow, proposal)]);
    }
}
