using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Governance.Grants;

/// <summary>
/// The grant actions of a proposal: opening a program draws its budget from the treasury (or, for an asset held on chain,
/// earmarks it in the on-chain balance) and counts it against the SDG caps of its goals; a decision goes to the grant.
/// </summary>
public static class GrantActions
{
    public static void Validate(int i, ProposalAction action)
    {
        switch (action)
        {
            case OpenGrantProgram open:
                GrantRules.ValidateTerms(open.Terms, $"action {i}");
                break;
            case DecideGrant decide:
                Refuse.Unless(decide.Program >= 1 && decide.Grant >= 1, GovernanceError.InvalidArgument,
                    $"action {i}: program and grant are numbers from 1");
                Refuse.Unless(Enum.IsDefined(decide.Decision), GovernanceError.InvalidArgument, $"action {i}: unknown decision");
                Refuse.Unless(decide.Milestone is null || (decide.Milestone >= 0 && decide.Decision != GrantDecision.Cancel),
                    GovernanceError.InvalidArgument, $"action {i}: a milestone is approved or rejected, never canceled");
                Refuse.Unless(!string.IsNullOrWhiteSpace(decide.Reason) && decide.Reason.Length <= ModerationRules.MaxReason,
                    GovernanceError.InvalidArgument, $"action {i}: a decision needs a reason of 1..{ModerationRules.MaxReason} characters");
                break;
        }
    }

    public static DaoLedger Apply(DaoLedger ledger, string proposalId, int index, ProposalAction action, DateTimeOffset now,
        ImmutableArray<DaoEffect>.Builder effects)
    {
        switch (action)
        {
            case OpenGrantProgram open:
                var terms = open.Terms;
                Refuse.Unless(terms.EndsAt > now.ToUnixTimeSeconds(), GovernanceError.InvalidArgument,
                    $"the program would end at {terms.EndsAt}, before the proposal executes");
                var n = ledger.GrantPrograms + 1;
                effects.Add(new DaoEffect
                {
                    ProposalId = proposalId, ActionIndex = index, Target = Names.ProgramKey(ledger.Path, n), OpenProgram = terms,
                });
                var bound = ledger.Constitution.OnChainTreasury?.Find(terms.Asset) is not null;
                return ledger with
                {
                    GrantPrograms = n,
                    Treasury = ActionPlanner.Debit(ledger.Treasury, terms.Asset, terms.Budget),
                    Earmarked = bound ? ActionPlanner.Credit(ledger.Earmarked, terms.Asset, terms.Budget) : ledger.Earmarked,
                    Sdg = Tag(ledger, terms.Sdgs, terms.Asset, terms.Budget, now),
                };

            case DecideGrant decide:
                Refuse.Unless(decide.Program <= ledger.GrantPrograms, GovernanceError.ProgramNotFound,
                    $"'{ledger.Path}' has no grant program {decide.Program}");
                effects.Add(new DaoEffect
                {
                    ProposalId = proposalId, ActionIndex = index, DecideGrant = decide,
                    Target = Names.GrantKey(ledger.Path, decide.Program, decide.Grant),
                });
                return ledger;

            default:
                throw Refuse.With(GovernanceError.ActionNotAllowed, $"not a grant action: {action.GetType().Name}");
        }
    }

    /// <summary>Counts a tagged amount under each of its goals in the current period, within the caps.</summary>
    public static ImmutableDictionary<string, SdgFigures> Tag(DaoLedger ledger, ImmutableArray<int>? goals, string asset,
        BigInteger amount, DateTimeOffset now)
    {
        var policy = ledger.Constitution.Sdg;
        return SdgRules.Allocate(ledger.Sdg, policy, SdgRules.PeriodOf(now.ToUnixTimeSeconds(), policy), goals ?? [], asset, amount);
    }
}
