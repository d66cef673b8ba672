using System.Collections.Immutable;
using System.Numerics;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A DAO or sub-DAO, keyed by its path (<c>blocktrack</c>, <c>blocktrack/grants</c>).</summary>
[Alias("bt.IDaoGrain")]
public interface IDaoGrain : IGrainWithStringKey
{
    /// <summary>Founds a root DAO; an operator action.</summary>
    [Alias("CreateRoot")] Task<DaoInfo> CreateRoot(CreateDaoRequest request);

    /// <summary>Brings a sub-DAO into being on behalf of its parent's executed proposal; idempotent per proposal.</summary>
    [Alias("InitializeSubDao")] Task<DaoInfo> InitializeSubDao(string parent, CreateSubDao action, string createdBy);

    /// <summary>The DAO as it stands now.</summary>
    [AlwaysInterleave, Alias("GetInfo")] Task<DaoInfo> GetInfo();

    /// <summary>Every version of the constitution, oldest first.</summary>
    [AlwaysInterleave, Alias("GetConstitutionHistory")] Task<ImmutableArray<Constitution>> GetConstitutionHistory();

    /// <summary>Creates a proposal from a verified draft after checking class, actions, role and threshold.</summary>
    [Alias("Propose")] Task<ProposalInfo> Propose(ProposalDraft draft);

    /// <summary>
    /// A page of the proposal index, newest first, optionally filtered by state; proposals a moderator hid are left out
    /// unless <paramref name="includeHidden"/>.
    /// </summary>
    [AlwaysInterleave, Alias("ListProposals")]
    Task<ProposalPage> ListProposals(ProposalState? state, int offset, int limit, bool includeHidden = false);

    /// <summary>A moderator hides or restores a proposal of this DAO, or one ballot's reason in it (a signed act).</summary>
    [Alias("Moderate")]
    Task<ModerationAction> Moderate(string moderator, string proposal, string? voter, bool hide, string reason, string digest);

    /// <summary>A page of the moderation log, oldest first.</summary>
    [AlwaysInterleave, Alias("GetModeration")] Task<ModerationPage> GetModeration(int offset, int limit);

    /// <summary>The voters of <paramref name="proposal"/> whose ballot reasons are hidden now.</summary>
    [AlwaysInterleave, Alias("HiddenReasons")] Task<ImmutableArray<string>> HiddenReasons(string proposal);

    /// <summary>Whether moderation act <paramref name="seq"/> hid something and still stands (not reversed, not restored).</summary>
    [AlwaysInterleave, Alias("ModerationUpheld")] Task<bool> ModerationUpheld(long seq);

    /// <summary>
    /// What the rewards budgets give reward epoch <paramref name="epoch"/>, debited from the treasury (never below zero);
    /// idempotent per epoch: a second call answers the first draw.
    /// </summary>
    [Alias("DrawRewards")] Task<ImmutableArray<RewardDraw>> DrawRewards(long epoch);

    /// <summary>Credits back what an epoch drew and did not pay; idempotent per (epoch, asset).</summary>
    [Alias("ReturnRewards")] Task ReturnRewards(long epoch, string asset, BigInteger amount);

    /// <summary>Keeps the proposal index current; called (one-way) by proposals as they move.</summary>
    [OneWay, Alias("OnProposalStateChanged")] Task OnProposalStateChanged(string proposalId, ProposalState state);

    /// <summary>Applies an executed proposal's actions all together or not at all; idempotent per proposal.</summary>
    [Alias("ExecuteActions")]
    Task<ExecutionResult> ExecuteActions(string proposalId, ProposalClass proposalClass, ImmutableArray<ProposalAction> actions);

    /// <summary>Credits an allocation from the parent DAO's treasury; idempotent per (proposal, action).</summary>
    [Alias("ReceiveAllocation")] Task ReceiveAllocation(string proposalId, int actionIndex, string asset, BigInteger amount);

    /// <summary>Records funds arriving in the treasury (an operator or chain feed); idempotent per reference.</summary>
    [Alias("Deposit")] Task<DaoInfo> Deposit(string reference, string asset, BigInteger amount);

    /// <summary>
    /// The DAO's on-chain treasury mirror reports its bound assets' balances as of <paramref name="block"/>; ignored by a
    /// DAO not founded (yet), since only the mirror calls it.
    /// </summary>
    [Alias("TreasuryMirrored")] Task TreasuryMirrored(ImmutableDictionary<string, BigInteger> balances, long block);

    /// <summary>A coordinator adds or removes a committee member (a signed role action).</summary>
    [Alias("ChangeCommittee")] Task<DaoInfo> ChangeCommittee(string actor, string member, bool granted);

    /// <summary>A committee member appoints or removes a moderator (a signed role action).</summary>
    [Alias("ChangeModerator")] Task<DaoInfo> ChangeModerator(string actor, string moderator, bool granted);

    /// <summary>Whether the address holds <paramref name="role"/> in this DAO now (e.g. a committee member attesting personhood).</summary>
    [AlwaysInterleave, Alias("HoldsRole")] Task<bool> HoldsRole(DaoRole role, string address);

    /// <summary>The operator capabilities retired for this DAO: by its own constitution or any DAO above it.</summary>
    [AlwaysInterleave, Alias("RetiredOperatorCapabilities")] Task<OperatorCapability> RetiredOperatorCapabilities();

    /// <summary>
    /// A grant program gives back funds (<paramref name="returned"/>: its free budget at close, or a clawback after it) or
    /// reports a tranche paid on chain (its earmark of the on-chain balance shrinks); idempotent per (program, cause).
    /// </summary>
    [Alias("SettleGrantFunds")] Task SettleGrantFunds(long program, string cause, string asset, BigInteger amount, bool returned);

    /// <summary>Counts a grant's approval or paid tranche in the SDG figures (refused past an SDG cap); idempotent per (program, cause).</summary>
    [Alias("RecordGrantSdg")] Task RecordGrantSdg(long program, string cause, GrantSdgFact fact);

    /// <summary>Decisions of executed proposals waiting for grant <paramref name="grantKey"/> to take them.</summary>
    [AlwaysInterleave, Alias("PendingGrantDecisions")] Task<ImmutableArray<PendingGrantDecision>> PendingGrantDecisions(string grantKey);

    /// <summary>The grant took the decision of (proposal, action); it is no longer pending.</summary>
    [Alias("GrantDecisionTaken")] Task GrantDecisionTaken(string grantKey, string proposalId, int actionIndex);

    /// <summary>Per SDG, what this DAO allocated and paid and how tagged proposals were voted, in one period (default: now's).</summary>
    [AlwaysInterleave, Alias("GetSdgReport")] Task<SdgReport> GetSdgReport(long? period);

    /// <summary>What came into and went out of this DAO's treasury per asset in <paramref name="period"/> (a month yyyy-MM or all).</summary>
    [AlwaysInterleave, Alias("TreasuryFlowsOf")] Task<ImmutableArray<AssetFlow>> TreasuryFlowsOf(string period);

    /// <summary>Whether the address may veto this DAO's proposals: its guardian or any ancestor's.</summary>
    [AlwaysInterleave, Alias("CanVeto")] Task<bool> CanVeto(string address);
}
