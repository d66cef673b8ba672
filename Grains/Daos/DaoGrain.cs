using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Audit;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;
using Blocktrack.Grains.Voters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Blocktrack.Grains.Daos;

/// <summary>
/// A DAO (its executed decisions are in DaoGrain.Execution): constitution versions, roles, sub-DAOs, treasury and the
/// proposal index. Not reentrant: one change at a time.
/// </summary>
public sealed partial class DaoGrain(
    [PersistentState(GovernanceStorage.DaoState, GovernanceStorage.Name)] IPersistentState<DaoState> state,
    TimeProvider clock,
    IOptions<GovernanceOptions> options,
    IChainExecutor chains,
    IOptions<ChainsOptions> mirrored,
    ILogger<DaoGrain> log) : Grain, IDaoGrain
{
    private string Path => this.GetPrimaryKeyString();
    private DaoState S => state.State;
    private Constitution Current => S.Constitutions[^1];
    private DateTimeOffset Now => ProposalLifecycle.Truncate(clock.GetUtcNow());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _saved = Holdings;
        if (S.Created && S.Parent is null && !S.Listed)
        {
            OweListing();
            await Save();
        }
        if (S.Outbox.Count > 0) await DeliverEffects();
    }

    public async Task<DaoInfo> CreateRoot(CreateDaoRequest request)
    {
        Names.RequireDaoPath(Path);
        Refuse.Unless(!Path.Contains('/'), GovernanceError.InvalidArgument,
            "a root DAO's path is a single segment; sub-DAOs are created by proposals");
        Refuse.Unless(!S.Created, GovernanceError.DaoExists, $"DAO '{Path}' already exists");
        await RequireRootFounding();
        ConstitutionRules.Validate(request.Constitution);
        ActionPlanner.RequireRoles(request.Roles);
        TreasuryRules.ValidateOpening(request.Treasury);
        await Bind(Path, null, request.Constitution.OnChainTreasury, request.Treasury);
        Found(request.DisplayName, null, null, request.Constitution, request.Roles);
        S.Treasury = request.Treasury;
        Audit(AuditTrail.ByOperator($"founded:{Path}", Now, AuditActs.DaoFounded, Path, $"root DAO '{S.DisplayName}'"));
        AuditConstitution((_, cause, at, act, subject, detail) => AuditTrail.ByOperator(cause, at, act, subject, detail));
        OweRetirements(Current.RetiredOperatorCapabilities);
        OweListing();
        await Save();
        await AnchorConstitution();
        await DeliverEffects();
        return Info();
    }

    public async Task<DaoInfo> InitializeSubDao(string parent, CreateSubDao action, string createdBy)
    {
        if (S.Created)
        {
            Refuse.Unless(S.CreatedBy == createdBy, GovernanceError.DaoExists, $"DAO '{Path}' already exists");
            return Info();
        }
        Refuse.Unless(Path == $"{parent}/{action.Name}", GovernanceError.InvalidArgument,
            $"'{Path}' is not '{parent}/{action.Name}'");
        Names.RequireDaoPath(Path);
        ConstitutionRules.Validate(action.Constitution);
        var inherited = await GrainFactory.GetGrain<IDaoGrain>(parent).RetiredOperatorCapabilities();
        Found(action.DisplayName, parent, createdBy, action.Constitution, action.Roles);
        Audit(AuditTrail.ByProposal(createdBy, $"founded:{Path}", Now, AuditActs.DaoFounded, Path,
            $"sub-DAO '{S.DisplayName}' of '{parent}'"));
        AuditConstitution(AuditTrail.ByProposal);
        OweRetirements(Current.RetiredOperatorCapabilities | inherited);
        await Save();
        await AnchorConstitution();
        await DeliverEffects();
        return Info();
    }

    public Task<DaoInfo> GetInfo()
    {
        RequireCreated();
        return Task.FromResult(Info());
    }

    public Task<ImmutableArray<Constitution>> GetConstitutionHistory()
    {
        RequireCreated();
        return Task.FromResult(S.Constitutions.ToImmutableArray());
    }

    public async Task<ProposalInfo> Propose(ProposalDraft draft)
    {
        RequireCreated();
        Addresses.Require(draft.Proposer, "proposer");
        var cls = Current.FindClass(draft.Class) ?? throw Refuse.With(GovernanceError.UnknownClass,
            $"'{Path}' has no proposal class '{draft.Class}' (classes: {string.Join(", ", Current.Classes.Select(c => c.Name))})");
        DraftRules.Validate(draft);
        DraftRules.ValidateChoices(cls, draft);
        foreach (var actions in DraftRules.ActionLists(draft))
        {
            ActionPlanner.ValidateDraft(cls, actions);
            foreach (var call in actions.OfType<OnChainCall>())
            {
                Refuse.Unless(chains.CanExecute(call.Chain), GovernanceError.ActionNotAllowed,
                    $"the cluster cannot act on chain {call.Chain} (no executor configured)");
            }
        }
        if (cls.ProposerRole is { } role)
        {
            Refuse.Unless(S.Roles.Holds(role, draft.Proposer), GovernanceError.NotAuthorized,
                $"class '{cls.Name}' needs a proposer with the {role} role");
        }
        var now = Now;
        var votes = await ProposerVotes(cls, draft.Proposer, now.ToUnixTimeSeconds() - 1);
        Refuse.Unless(votes >= cls.ProposalThreshold, GovernanceError.BelowProposalThreshold,
            $"proposing in class '{cls.Name}' needs {cls.ProposalThreshold} votes; {draft.Proposer} has {votes}");

        var seq = S.Proposals.Count + 1;
        var id = Names.ProposalId(Path, seq);
        S.Proposals.Add(new ProposalSummary
        {
            Id = id,
            Title = draft.Title,
            Class = cls.Name,
            Proposer = draft.Proposer,
            State = ProposalState.Pending,
            CreatedAt = now,
        });
        TagProposal(id, draft, now);
        await Save();
        var setup = new ProposalSetup
        {
            Id = id,
            Dao = Path,
            Seq = seq,
            Draft = draft,
            Class = cls,
            ConstitutionVersion = Current.Version,
            CreatedAt = now,
            ProposerVotes = votes,
            BallotShards = Math.Clamp(options.Value.BallotShards, 1, BallotShards.Max),
        };
        return await GrainFactory.GetGrain<IProposalGrain>(id).Initialize(setup);
    }

    public Task<ProposalPage> ListProposals(ProposalState? filter, int offset, int limit, bool includeHidden = false)
    {
        RequireCreated();
        Paging.RequireProposalPage(offset, limit);
        var hidden = HiddenNow;
        var matching = Enumerable.Reverse(S.Proposals)
            .Where(p => filter is null || p.State == filter)
            .Select(p => hidden.Contains(p.Id) ? p with { Hidden = true } : p)
            .Where(p => includeHidden || !p.Hidden)
            .ToList();
        return Task.FromResult(new ProposalPage
        {
            Items = [.. matching.Skip(offset).Take(limit)], Total = matching.Count, Offset = offset, Limit = limit,
        });
    }

    public async Task OnProposalStateChanged(string proposalId, ProposalState newState)
    {
        if (!Names.TryParseProposalId(proposalId, out var dao, out var seq) || dao != Path || seq > S.Proposals.Count)
            return;
        var entry = S.Proposals[(int)seq - 1];
        if (!ProposalLifecycle.Follows(entry.State, newState)) return;
        S.Proposals[(int)seq - 1] = entry with { State = newState };
        if (S.TaggedProposals.ContainsKey(proposalId)) await TurnoutDecided(proposalId, newState);
        await Save();
    }

    public async Task<DaoInfo> ChangeCommittee(string actor, string member, bool granted)
    {
        RequireCreated();
        Addresses.Require(member, "member");
        Refuse.Unless(S.Roles.Holds(DaoRole.Coordinator, actor), GovernanceError.NotAuthorized,
            $"{actor} is not a coordinator of '{Path}'");
        var committee = ActionPlanner.Toggle(S.Roles.Committee, member, granted);
        if (committee != S.Roles.Committee)
        {
            S.Roles = S.Roles with { Committee = committee };
            Audit(AuditTrail.BySigner(actor, NextCause(), Now, AuditActs.CommitteeChanged, Path,
                $"{(granted ? "added" : "removed")} committee member {member}"));
            await Save();
            await DeliverEffects();
        }
        return Info();
    }

    public async Task<DaoInfo> ChangeModerator(string actor, string moderator, bool granted)
    {
        RequireCreated();
        Addresses.Require(moderator, "moderator");
        Refuse.Unless(S.Roles.Holds(DaoRole.Committee, actor), GovernanceError.NotAuthorized,
            $"{actor} is not a committee member of '{Path}'");
        var moderators = ActionPlanner.Toggle(S.Roles.Moderators.IsDefault ? [] : S.Roles.Moderators, moderator, granted);
        if (moderators != S.Roles.Moderators)
        {
            S.Roles = S.Roles with { Moderators = moderators };
            Audit(AuditTrail.BySigner(actor, NextCause(), Now, AuditActs.ModeratorChanged, Path,
                $"{(granted ? "appointed" : "removed")} moderator {moderator}"));
            await Save();
            await DeliverEffects();
        }
        return Info();
    }

    public Task<bool> HoldsRole(DaoRole role, string address)
    {
        RequireCreated();
        return Task.FromResult(S.Roles.Holds(role, address));
    }

    public async Task<bool> CanVeto(string address)
    {
        RequireCreated();
        if (S.Roles.Guardian == address) return true;
        return S.Parent is not null && await GrainFactory.GetGrain<IDaoGrain>(S.Parent).CanVeto(address);
    }

    /// <summary>Queues the current constitution's hash for the anchor contract (a no-op when no anchor is configured).</summary>
    private Task AnchorConstitution() => GrainFactory.GetGrain<IAnchorGrain>(0).Publish(new AnchorRecord
    {
        Key = AnchorRecord.ConstitutionKey(Path, Current.Version),
        Subject = Path,
        Version = Current.Version,
        Hash = Hex.ToHex(ConstitutionHash.Compute(Current)),
    });

    /// <summary>A root DAO is listed in the cluster's directory through the outbox, so a crash cannot leave it out.</summary>
    private void OweListing()
    {
        S.Listed = true;
        S.Outbox.Add(new DaoEffect
        {
            Target = Path, ListRoot = new RootDao { Path = Path, DisplayName = S.DisplayName, FoundedAt = S.CreatedAt },
        });
    }

    private void Found(string displayName, string? parent, string? createdBy, Constitution constitution, DaoRoles roles)
    {
        S.Created = true;
        S.DisplayName = string.IsNullOrWhiteSpace(displayName) ? Path : displayName;
        S.Parent = parent;
        S.CreatedBy = createdBy;
        S.CreatedAt = Now;
        S.Constitutions = [constitution with { Version = 1, AdoptedBy = createdBy, AdoptedAt = S.CreatedAt }];
        S.Roles = roles;
    }

    private async Task<BigInteger> ProposerVotes(ProposalClass cls, string proposer, long timepoint)
    {
        if (cls.ProposalThreshold.IsZero && cls.PowerSource.Kind != PowerSourceKind.Whitelist) return BigInteger.Zero;
        return await PowerReader.VotesAt(GrainFactory, cls.PowerSource, Path, proposer, timepoint);
    }

    private DaoInfo Info() => new()
    {
        Path = Path,
        DisplayName = S.DisplayName,
        Parent = S.Parent,
        CreatedAt = S.CreatedAt,
        CreatedBy = S.CreatedBy,
        Constitution = Current,
        Roles = S.Roles,
        SubDaos = S.SubDaos,
        ProposalCount = S.Proposals.Count,
        Treasury = Balances,
        RewardBudgets = S.RewardBudgets,
        Custody = Binding is null ? TreasuryCustody.Ledger : TreasuryCustody.OnChain,
        OnChainTreasury = OnChainInfo,
        GrantPrograms = S.GrantPrograms,
    };

    private void RequireCreated() => Refuse.Unless(S.Created, GovernanceError.DaoNotFound, $"no DAO at '{Path}'");
}
