using System.Text.RegularExpressions;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Grants;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Grants;

/// <summary>Milestones (submitted with evidence, reviewed, paid), decisions of executed proposals, and due dates.</summary>
public sealed partial class GrantGrain
{
    public async Task<GrantInfo> Submit(string grantee, int milestone, string evidenceUrl, string evidenceHash, string digest)
    {
        RequireCreated();
        Refuse.Unless(grantee == S.Application.Applicant, GovernanceError.NotAuthorized,
            $"only the grantee {S.Application.Applicant} submits milestones of grant '{Key}'");
        Refuse.Unless(S.Status == GrantStatus.Active, GovernanceError.InvalidState, $"grant '{Key}' is {S.Status}, not active");
        var m = Milestone(milestone);
        Refuse.Unless(m.Status is MilestoneStatus.Planned or MilestoneStatus.Rejected, GovernanceError.InvalidState,
            $"milestone {milestone} of grant '{Key}' is {m.Status}");
        Refuse.Unless(S.Milestones.Take(milestone).All(p => p.Status == MilestoneStatus.Paid), GovernanceError.InvalidState,
            $"milestones before {milestone} of grant '{Key}' are not all paid");
        Refuse.Unless(Uri.TryCreate(evidenceUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ipfs"
            && evidenceUrl.Length <= GrantRules.MaxEvidenceUrl, GovernanceError.InvalidArgument,
            $"evidence is an http(s) or ipfs URL of at most {GrantRules.MaxEvidenceUrl} characters");
        Refuse.Unless(HashPattern().IsMatch(evidenceHash ?? ""), GovernanceError.InvalidArgument,
            "the evidence hash is 0x and 64 hex digits (e.g. the keccak-256 or sha-256 of the evidence)");
        m.Status = MilestoneStatus.Submitted;
        m.EvidenceUrl = evidenceUrl;
        m.EvidenceHash = evidenceHash!.ToLowerInvariant();
        m.Approvals.Clear();
        m.Rejections.Clear();
        Record(grantee, "milestone-submitted", digest, evidenceUrl, milestone);
        return await Saved();
    }

    public async Task<GrantInfo> ReviewMilestone(string reviewer, int milestone, bool approved, string reason, string digest)
    {
        RequireCreated();
        RequireReason(reason);
        await RequireCommittee(reviewer);
        var m = Milestone(milestone);
        Refuse.Unless(S.Status == GrantStatus.Active && m.Status == MilestoneStatus.Submitted, GovernanceError.InvalidState,
            $"milestone {milestone} of grant '{Key}' is not waiting for review ({m.Status})");
        Refuse.Unless(!m.Approvals.Contains(reviewer) && !m.Rejections.Contains(reviewer), GovernanceError.InvalidState,
            $"{reviewer} has already reviewed this submission of milestone {milestone}");
        var votes = approved ? m.Approvals : m.Rejections;
        if (GrantRules.Reached(votes.Count + 1, S.Terms)) await DecideMilestone(milestone, approved, reviewer, reason, digest);
        votes.Add(reviewer);
        Record(reviewer, approved ? "milestone-review-approve" : "milestone-review-reject", digest, reason, milestone);
        return await Saved();
    }

    public async Task Wake() => await Tick();

    public async Task<GrantInfo> Tick()
    {
        RequireCreated();
        await AnnounceDelivered();
        var changed = await TakeDecisions();
        var now = Now.ToUnixTimeSeconds();
        for (var i = 0; i < S.Milestones.Count; i++)
        {
            var m = S.Milestones[i];
            if (S.Status != GrantStatus.Active || m.OverdueRecorded || S.Application.Milestones[i].Due >= now
                || m.Status is MilestoneStatus.Paid or MilestoneStatus.Canceled) continue;
            m.OverdueRecorded = true;
            Record("clock", "overdue", $"due:{S.Application.Milestones[i].Due}", "", i);
            changed = true;
        }
        return changed ? await Saved() : Info();
    }

    /// <summary>
    /// Takes each decision the DAO holds for this grant, once; one that cannot apply (the grant moved on, the budget or an
    /// SDG cap is exhausted) is recorded as refused. A payment that failed on chain stays pending and is tried again.
    /// </summary>
    private async Task<bool> TakeDecisions()
    {
        var changed = false;
        foreach (var p in await Dao.PendingGrantDecisions(Key))
        {
            var key = $"{p.ProposalId}#{p.ActionIndex}";
            // The DAO holds a decision only once its proposal executed, so being pending is the proof.
            if (!S.Decisions.Contains(key))
            {
                var d = p.Decision;
                try
                {
                    await TakeDecision(d, p.ProposalId);
                }
                catch (GovernanceException e) when (e.Error != GovernanceError.PaymentFailed)
                {
                    Record(p.ProposalId, "decision-refused", key, e.Message, d.Milestone);
                }
                catch (GovernanceException)
                {
                    continue;
                }
                S.Decisions.Add(key);
                changed = true;
                await state.WriteStateAsync();
            }
            await Dao.GrantDecisionTaken(Key, p.ProposalId, p.ActionIndex);
        }
        return changed;
    }

    private async Task TakeDecision(DecideGrant d, string proposalId)
    {
        if (d.Milestone is { } k)
        {
            Refuse.Unless(S.Status == GrantStatus.Active && Milestone(k).Status == MilestoneStatus.Submitted, GovernanceError.InvalidState,
                $"milestone {k} of grant '{Key}' is not waiting for review");
            await DecideMilestone(k, d.Decision == GrantDecision.Approve, proposalId, d.Reason, proposalId);
            return;
        }
        Refuse.Unless(d.Decision == GrantDecision.Cancel ? S.Status == GrantStatus.Active : S.Status == GrantStatus.Pending,
            GovernanceError.InvalidState, $"grant '{Key}' is {S.Status}; a {d.Decision} does not apply");
        await Decide(d.Decision, proposalId, d.Reason, proposalId);
    }

    private async Task DecideMilestone(int milestone, bool approved, string actor, string reason, string cause)
    {
        var m = Milestone(milestone);
        if (!approved)
        {
            m.Status = MilestoneStatus.Rejected;
            Record(actor, "milestone-rejected", cause, reason, milestone);
            return;
        }
        var tranche = S.Tranches[milestone];
        m.Transaction = await Program.Pay(_number, milestone, tranche, S.Application.Recipient);
        m.Status = MilestoneStatus.Paid;
        S.Paid += tranche;
        Record(actor, "milestone-paid", cause, reason, milestone);
        S.Delivered.Add(new State.DeliveredMilestone(milestone, Now.ToUnixTimeSeconds()));
        if (S.Milestones.All(x => x.Status == MilestoneStatus.Paid))
        {
            S.Status = GrantStatus.Completed;
            Record(actor, "completed", cause, "");
        }
        log.GrantChanged(Key, $"milestone {milestone} paid", actor);
    }

    private State.MilestoneState Milestone(int k)
    {
        Refuse.Unless(k >= 0 && k < S.Milestones.Count, GovernanceError.InvalidArgument, $"grant '{Key}' has milestones 0..{S.Milestones.Count - 1}");
        return S.Milestones[k];
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{64}\\z")]
    private static partial Regex HashPattern();
}
