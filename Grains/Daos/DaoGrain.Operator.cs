using System.Numerics;
using Blocktrack.Grains.Audit;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Daos;

/// <summary>
/// What the operator key may still do to a DAO — record off-chain deposits — and the capabilities the DAO has retired
/// (for itself and every DAO below it), checked here, in the grain that owns the state, whatever the edge checked.
/// </summary>
public sealed partial class DaoGrain
{
    public async Task<DaoInfo> Deposit(string reference, string asset, BigInteger amount)
    {
        RequireCreated();
        TreasuryRules.ValidateDeposit(reference, asset, amount);
        mirrored.Value.RequireOffChain(asset, "a deposit");
        Refuse.Unless(Binding?.Find(asset) is null, GovernanceError.ChainOwned,
            $"'{Path}' holds '{asset}' on chain {Binding?.Chain} at {Binding?.Account}: a deposit is a transfer to that account");
        await RequireOperator(OperatorCapability.RecordDeposits, "deposits");
        if (S.Credited.Add(TreasuryRules.DepositKey(reference)))
        {
            S.Treasury = ActionPlanner.Credit(S.Treasury, asset, amount);
            Audit(AuditTrail.ByOperator($"deposit:{Path}:{reference}", Now, AuditActs.DepositRecorded, Path,
                $"{amount} {asset} (reference {reference})"));
            await state.WriteStateAsync();
            await DeliverEffects();
        }
        return Info();
    }

    public async Task<OperatorCapability> RetiredOperatorCapabilities()
    {
        RequireCreated();
        var own = Current.RetiredOperatorCapabilities;
        return S.Parent is null ? own : own | await GrainFactory.GetGrain<IDaoGrain>(S.Parent).RetiredOperatorCapabilities();
    }

    /// <summary>
    /// With the balance feed retired, every token the current classes count is marked for good in its supply grain, which
    /// the voter grains ask before taking an operator balance (delivered through the outbox with the change that caused it).
    /// </summary>
    private void OweFeedRetirements(OperatorCapability retired)
    {
        if (!retired.HasFlag(OperatorCapability.FeedBalances)) return;
        foreach (var token in ConstitutionRules.CountedTokens(Current))
            S.Outbox.Add(new DaoEffect { ProposalId = Current.AdoptedBy ?? "", Target = token, RetireOperatorFeed = true });
    }

    /// <summary>Refuses an operator act the DAO (or one above it) has retired, in the grain that owns the state.</summary>
    private async Task RequireOperator(OperatorCapability capability, string what) =>
        Refuse.Unless(!(await RetiredOperatorCapabilities()).HasFlag(capability), GovernanceError.OperatorRetired,
            $"'{Path}' has retired the operator's {what} ({capability}); only its executed proposals and the chains change it now");
}
