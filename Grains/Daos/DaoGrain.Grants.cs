using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Grants;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Daos;

/// <summary>
/// The DAO's side of grant programs and SDG figures: funds a program returns or pays on chain, the SDG figures of grants
/// (approved, paid) and of tagged proposals (created, decided with their turnout), and the SDG report.
/// </summary>
public sealed partial class DaoGrain
{
    public async Task SettleGrantFunds(long program, string cause, string asset, BigInteger amount, bool returned)
    {
        RequireCreated();
        RequireProgram(program);
        Refuse.Unless(amount.Sign >= 0, GovernanceError.InvalidArgument, "an amount may not be negative");
        if (amount.IsZero || !S.Credited.Add($"grants:{program}:{cause}")) return;
        if (Binding?.Find(asset) is not null)
        {
            // Held on chain: the program's earmark shrinks; the balance itself moves with the mirror (a payment) or not at all.
            var left = S.Earmarked.GetValueOrDefault(asset) - amount;
            Refuse.Unless(left.Sign >= 0, GovernanceError.InvalidState, $"grant programs hold less than {amount} {asset} of '{Path}'");
            S.Earmarked = left.IsZero ? S.Earmarked.Remove(asset) : S.Earmarked.SetItem(asset, left);
        }
        else if (returned)
        {
            S.Treasury = ActionPlanner.Credit(S.Treasury, asset, amount);
        }
        await Save();
    }

    public async Task RecordGrantSdg(long program, string cause, GrantSdgFact fact)
    {
        RequireCreated();
        RequireProgram(program);
        if (S.Credited.Contains($"sdg:{program}:{cause}")) return;
        var policy = Current.Sdg;
        var period = SdgRules.PeriodOf(fact.At, policy);
        var all = fact.Goals.Union(fact.ProgramGoals).Order().ToImmutableArray();
        var sdg = S.Sdg;
        if (fact.Paid)
        {
            sdg = SdgRules.Update(sdg, period, all, f => f with { Paid = ActionPlanner.Credit(f.Paid, fact.Asset, fact.Amount) });
        }
        else
        {
            // The program's budget already counted under its own goals; a grant's other goals count its amount now.
            sdg = SdgRules.Allocate(sdg, policy, period, [.. fact.Goals.Except(fact.ProgramGoals)], fact.Asset, fact.Amount);
            sdg = SdgRules.Update(sdg, period, all, f => f with { Grants = f.Grants + 1 });
        }
        S.Sdg = sdg;
        S.Credited.Add($"sdg:{program}:{cause}");
        await Save();
    }

    public Task<ImmutableArray<PendingGrantDecision>> PendingGrantDecisions(string grantKey) =>
        Task.FromResult(S.GrantDecisions.Where(d => d.Grant == grantKey).Select(d => d.Pending).ToImmutableArray());

    public async Task GrantDecisionTaken(string grantKey, string proposalId, int actionIndex)
    {
        if (S.GrantDecisions.RemoveAll(d => d.Grant == grantKey && d.Pending.ProposalId == proposalId
            && d.Pending.ActionIndex == actionIndex) > 0) await Save();
    }

    public Task<SdgReport> GetSdgReport(long? period)
    {
        RequireCreated();
        var policy = Current.Sdg;
        var length = SdgRules.PeriodSeconds(policy);
        var p = period ?? SdgRules.PeriodOf(Now.ToUnixTimeSeconds(), policy);
        Refuse.Unless(p >= 0 && p <= long.MaxValue / length - 1, GovernanceError.InvalidArgument, $"{p} is not a period");
        return Task.FromResult(new SdgReport
        {
            Dao = Path, Period = p, PeriodSeconds = length,
            Starts = DateTimeOffset.FromUnixTimeSeconds(p * length), Ends = DateTimeOffset.FromUnixTimeSeconds((p + 1) * length),
            Goals = [.. Enumerable.Range(1, SdgRules.Goals).Select(g => S.Sdg.GetValueOrDefault(SdgRules.Key(p, g)))
                .OfType<SdgFigures>()],
            Caps = policy?.Caps.IsDefault == false ? policy.Caps : [],
        });
    }

    /// <summary>A new proposal whose actions carry SDGs counts for them in the period it is made in.</summary>
    private void TagProposal(string id, ProposalDraft draft, DateTimeOffset now)
    {
        var goals = SdgRules.GoalsOf(DraftRules.ActionLists(draft).SelectMany(a => a));
        if (goals.IsEmpty) return;
        var period = SdgRules.PeriodOf(now.ToUnixTimeSeconds(), Current.Sdg);
        S.Sdg = SdgRules.Update(S.Sdg, period, goals, f => f with { Proposals = f.Proposals + 1 });
        S.TaggedProposals[id] = new TaggedProposal(period, goals);
    }

    /// <summary>A tagged proposal's vote ended (whatever came after): its turnout counts for its goals, once.</summary>
    private async Task TurnoutDecided(string proposalId, ProposalState now)
    {
        if (now is ProposalState.Pending or ProposalState.Active) return;
        if (!S.TaggedProposals.Remove(proposalId, out var tagged) || now == ProposalState.Canceled) return;
        var info = await GrainFactory.GetGrain<IProposalGrain>(proposalId).GetInfo();
        var t = info.Tally;
        // Choice classes keep fixed-point sums per choice; their raw power cast is the quorum power (every ballot counts).
        var cast = t.ChoiceSums.IsDefaultOrEmpty ? t.For + t.Against + t.Abstain : t.QuorumPower;
        var turnout = SdgRules.TurnoutBps(cast, info.VotableSupply ?? 0);
        S.Sdg = SdgRules.Update(S.Sdg, tagged.Period, tagged.Goals,
            f => f with { ProposalsDecided = f.ProposalsDecided + 1, TurnoutBpsSum = f.TurnoutBpsSum + turnout });
    }

    /// <summary>
    /// A decision is left for the grant to take, not handed to it: taking it calls the program and the program this DAO,
    /// which would wait on this DAO's own delivery. The grant is woken (one-way) and also looks on its own reminder.
    /// </summary>
    private void DecideGrant(DaoEffect effect, DecideGrant decision)
    {
        var pending = new PendingGrantDecision { ProposalId = effect.ProposalId, ActionIndex = effect.ActionIndex, Decision = decision };
        if (!S.GrantDecisions.Any(d => d.Grant == effect.Target && d.Pending == pending))
            S.GrantDecisions.Add(new GrantDecisionEntry(effect.Target, pending));
        GrainFactory.GetGrain<IGrantGrain>(effect.Target).Wake().Ignore();
    }

    private void RequireProgram(long program) => Refuse.Unless(program >= 1 && program <= S.GrantPrograms,
        GovernanceError.ProgramNotFound, $"'{Path}' has no grant program {program}");
}
