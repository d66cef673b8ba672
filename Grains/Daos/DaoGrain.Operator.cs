using System.Globalization;
using System.Numerics;
using Blocktrack.Grains.Audit;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Daos;

/// <summary>
/// What the operator key may still do to a DAO — record off-chain deposits — and the capabilities the DAO has retired
/// (for itself and every DAO below it; founding roots and chain configuration for the cluster), checked here, in the
/// grain that owns the state, whatever the edge checked.
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
            await Save();
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
    /// What retiring capabilities owes other grains, delivered through the outbox with the change that caused it: with the
    /// balance feed retired, every token the current classes count is marked for good in its supply grain (which the voter
    /// grains ask before taking an operator balance); a root DAO retiring root founding closes it for the cluster; retiring
    /// chain configuration pins every chain the DAO's power and treasury come from, as configured now.
    /// </summary>
    private void OweRetirements(OperatorCapability retired)
    {
        var cause = Current.AdoptedBy ?? "";
        if (retired.HasFlag(OperatorCapability.FeedBalances))
        {
            foreach (var token in ConstitutionRules.CountedTokens(Current))
                S.Outbox.Add(new DaoEffect { ProposalId = cause, Target = token, RetireOperatorFeed = true });
        }
        if (retired.HasFlag(OperatorCapability.FoundRootDaos) && S.Parent is null)
            S.Outbox.Add(new DaoEffect { ProposalId = cause, Target = Path, RetireRootFounding = true });
        if (!retired.HasFlag(OperatorCapability.ConfigureChains)) return;
        foreach (var chain in DependedChains())
        {
            var fingerprint = mirrored.Value.Find(chain) is { } configured ? ChainFingerprint.Of(configured) : ChainPin.Absent;
            S.Outbox.Add(new DaoEffect
            {
                ProposalId = cause, Target = chain.ToString(CultureInfo.InvariantCulture), PinChainFingerprint = fingerprint,
            });
        }
    }

    /// <summary>The chains the DAO's counted tokens and its treasury are mirrored from.</summary>
    private IEnumerable<long> DependedChains() => ConstitutionRules.CountedTokens(Current)
        .Select(token => Names.ChainOf(token)
                         ?? mirrored.Value.Chains.FirstOrDefault(c => c.Tokens.Any(t => t.Token == token) || c.Escrows.Any(e => e.Token == token))?.Id)
        .Append(Binding?.Chain)
        .OfType<long>()
        .Distinct();

    /// <summary>Founding a root DAO, unless a root DAO has retired it for the cluster.</summary>
    private async Task RequireRootFounding()
    {
        var by = await GrainFactory.GetGrain<IClusterCharterGrain>(0).RootFoundingRetiredBy();
        Refuse.Unless(by is null, GovernanceError.OperatorRetired,
            $"root DAO '{by}' has retired founding root DAOs for this cluster ({OperatorCapability.FoundRootDaos}); "
            + "new DAOs come only from executed createSubDao proposals");
    }

    /// <summary>Refuses an operator act the DAO (or one above it) has retired, in the grain that owns the state.</summary>
    private async Task RequireOperator(OperatorCapability capability, string what) =>
        Refuse.Unless(!(await RetiredOperatorCapabilities()).HasFlag(capability), GovernanceError.OperatorRetired,
            $"'{Path}' has retired the operator's {what} ({capability}); only its executed proposals and the chains change it now");
}
