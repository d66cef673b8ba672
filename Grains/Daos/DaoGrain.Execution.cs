using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using Blocktrack.Grains.Audit;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Daos;

/// <summary>The DAO's side of executed proposals: all actions at once, on-chain calls first, then effects on sub-DAOs.</summary>
public sealed partial class DaoGrain
{
    public async Task<ExecutionResult> ExecuteActions(
        string proposalId, ProposalClass proposalClass, ImmutableArray<ProposalAction> actions)
    {
        RequireCreated();
        if (S.Executions.TryGetValue(proposalId, out var done)) return done;
        Refuse.Unless(Names.TryParseProposalId(proposalId, out var dao, out _) && dao == Path, GovernanceError.NotAuthorized,
            $"'{proposalId}' is not a proposal of '{Path}'");
        // Only a queued proposal past its eta may change the DAO: ask the proposal itself (it is reentrant).
        var proposal = await GrainFactory.GetGrain<IProposalGrain>(proposalId).GetInfo();
        Refuse.Unless(proposal.State == ProposalState.Queued && proposal.Eta <= Now, GovernanceError.NotAuthorized,
            $"'{proposalId}' is {proposal.State}, not queued past its eta");

        var ledger = new DaoLedger
        {
            Path = Path,
            Constitution = Current,
            Roles = S.Roles,
            SubDaos = S.SubDaos,
            Treasury = Balances,
            RewardBudgets = S.RewardBudgets,
            Moderation = S.Moderation,
            GrantPrograms = S.GrantPrograms,
            Earmarked = S.Earmarked,
            Sdg = S.Sdg,
        };
        ActionPlan plan;
        ImmutableArray<TreasuryPayout> payouts;
        try
        {
            plan = ActionPlanner.Plan(ledger, proposalClass, proposalId, actions, Now);
            if (plan.Ledger.Constitution != Current && S.Parent is not null)
            {
                var parent = await GrainFactory.GetGrain<IDaoGrain>(S.Parent).GetInfo();
                ConstitutionRules.ValidateWithin(plan.Ledger.Constitution, parent.Constitution.SubDaoBounds);
            }
            payouts = TreasuryBindingRules.Payouts(Path, Binding, actions, await SubDaoBindings(actions));
            await BindAll(plan, actions);
        }
        catch (ActionFailedException e)
        {
            return new ExecutionResult { Succeeded = false, Error = e.Message, FailedAction = e.ActionIndex, At = Now };
        }
        catch (GovernanceException e)
        {
            return new ExecutionResult { Succeeded = false, Error = e.Message, At = Now };
        }

        // The ledger changes are valid; now the on-chain calls and treasury transfers, all in one timelock batch. Only if
        // they land does the ledger change, so a revert leaves everything as it was. Bound balances move with the mirror.
        var transactions = ImmutableArray<ChainTransaction>.Empty;
        var (chain, calls, timelock, firstOnChain) = OnChainBatch(actions, payouts);
        if (calls.Count > 0)
        {
            var outcome = await chains.ExecuteBatch(chain, calls, proposalId, timelock);
            transactions = outcome.Transactions;
            if (!outcome.Succeeded)
            {
                return new ExecutionResult
                {
                    Succeeded = false,
                    Error = $"on-chain calls reverted: {outcome.Error}",
                    FailedAction = firstOnChain,
                    Transactions = transactions,
                    At = Now,
                };
            }
        }

        Audit(AuditTrail.ByProposal(proposalId, $"executed:{proposalId}", Now, AuditActs.ProposalExecuted, proposalId,
            ExecutionDetail(actions, transactions)));
        if (plan.Ledger.Constitution != Current)
        {
            S.Constitutions.Add(plan.Ledger.Constitution);
            AuditConstitution(AuditTrail.ByProposal);
            var inherited = S.Parent is null
                ? OperatorCapability.None
                : await GrainFactory.GetGrain<IDaoGrain>(S.Parent).RetiredOperatorCapabilities();
            OweRetirements(Current.RetiredOperatorCapabilities | inherited);
        }
        S.Roles = plan.Ledger.Roles;
        S.SubDaos = plan.Ledger.SubDaos;
        S.Treasury = TreasuryBindingRules.LedgerPart(plan.Ledger.Treasury, plan.Ledger.Constitution.OnChainTreasury);
        S.RewardBudgets = plan.Ledger.RewardBudgets;
        S.GrantPrograms = plan.Ledger.GrantPrograms;
        S.Earmarked = plan.Ledger.Earmarked;
        S.Sdg = plan.Ledger.Sdg;
        foreach (var appeal in plan.Ledger.Reversals) Reverse(appeal, proposalId);
        S.Outbox.AddRange(plan.Effects);
        var result = new ExecutionResult { Succeeded = true, At = Now, Transactions = transactions };
        S.Executions[proposalId] = result;
        await Save();
        if (plan.Ledger.Constitution.Version > 1 && plan.Ledger.Constitution.AdoptedBy == proposalId) await AnchorConstitution();
        await DeliverEffects();
        return result;
    }

    public async Task ReceiveAllocation(string proposalId, int actionIndex, string asset, BigInteger amount)
    {
        RequireCreated();
        Refuse.Unless(S.Parent is not null && Names.TryParseProposalId(proposalId, out var from, out _) && from == S.Parent,
            GovernanceError.NotAuthorized, "allocations come only from the parent DAO's proposals");
        if (!S.Credited.Add(TreasuryRules.AllocationKey(proposalId, actionIndex))) return;
        S.Treasury = ActionPlanner.Credit(S.Treasury, asset, amount);
        await Save();
    }

    private async Task DeliverEffects()
    {
        while (S.Outbox.Count > 0)
        {
            var effect = S.Outbox[0];
            if (effect.Personhood is { } person) await SetPersonhood(effect, person);
            else if (effect.Moderation is { } act) await GrainFactory.GetGrain<IParticipationGrain>(Path).ModerationRecorded(act);
            else if (effect.Audit is { } audit) await GrainFactory.GetGrain<IAuditLogGrain>(0).Append(audit);
            else if (effect.RetireOperatorFeed) await GrainFactory.GetGrain<ITokenSupplyGrain>(effect.Target).RetireOperatorFeed(Path);
            else if (effect.RetireRootFounding) await Charter.RetireRootFounding(Path);
            else if (effect.ListRoot is { } root) await GrainFactory.GetGrain<IDaoDirectoryGrain>(0).Register(root);
            else if (effect.PinChainFingerprint is { } fingerprint)
                await Charter.PinChain(Path, long.Parse(effect.Target, CultureInfo.InvariantCulture), fingerprint);
            else if (effect.OpenProgram is { } terms)
                await GrainFactory.GetGrain<IGrantProgramGrain>(effect.Target).Open(terms, effect.ProposalId);
            else if (effect.DecideGrant is { } decision) DecideGrant(effect, decision);
            else if (effect.Create is { } create)
                await GrainFactory.GetGrain<IDaoGrain>(effect.Target).InitializeSubDao(Path, create, effect.ProposalId);
            else
                await GrainFactory.GetGrain<IDaoGrain>(effect.Target)
                    .ReceiveAllocation(effect.ProposalId, effect.ActionIndex, effect.Asset!, effect.Amount);
            S.Outbox.RemoveAt(0);
            await Save();
        }
    }

    private IClusterCharterGrain Charter => GrainFactory.GetGrain<IClusterCharterGrain>(0);

    private async Task SetPersonhood(DaoEffect effect, SetPersonhood person)
    {
        try
        {
            await GrainFactory.GetGrain<IPersonhoodGrain>(effect.Target)
                .AttestByProposal(effect.ProposalId, effect.ActionIndex, person.Attested);
        }
        catch (GovernanceException e)
        {
            // A refusal would refuse again on every retry and block the outbox (and this DAO's activation) for good.
            log.PersonhoodEffectRefused(Path, effect.ProposalId, effect.ActionIndex, e.Message);
        }
    }
}
