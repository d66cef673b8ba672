using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// Applies a proposal's actions to a copy of the DAO's ledger, in order. Either every action applies and the
/// new ledger is returned, or the first failing action throws <see cref="ActionFailedException"/> and nothing changes.
/// </summary>
public static class ActionPlanner
{
    /// <summary>Checks before a proposal is accepted that its class allows its actions and they are well-formed.</summary>
    public static void ValidateDraft(ProposalClass cls, ImmutableArray<ProposalAction> actions)
    {
        Refuse.Unless(actions.Length <= 32, GovernanceError.InvalidArgument, "a proposal carries at most 32 actions");
        Refuse.Unless(actions.OfType<OnChainCall>().Select(c => c.Chain).Distinct().Count() <= 1, GovernanceError.InvalidArgument,
            "on-chain calls of one proposal must target one chain (they execute as one timelock batch)");
        for (var i = 0; i < actions.Length; i++)
        {
            var action = actions[i] ?? throw Refuse.With(GovernanceError.InvalidArgument, $"action {i} is null");
            Refuse.Unless(cls.AllowedActions.HasFlag(action.Kind), GovernanceError.ActionNotAllowed,
                $"action {i} ({action.Kind}) is not allowed in class '{cls.Name}' (allowed: {cls.AllowedActions})");
            ValidateShape(i, action);
        }
    }

    public static ActionPlan Plan(
        DaoLedger ledger, ProposalClass cls, string proposalId, ImmutableArray<ProposalAction> actions, DateTimeOffset now)
    {
        var effects = ImmutableArray.CreateBuilder<DaoEffect>();
        for (var i = 0; i < actions.Length; i++)
        {
            try
            {
                ledger = Apply(ledger, cls, proposalId, i, actions[i], now, effects);
            }
            catch (GovernanceException e)
            {
                throw new ActionFailedException(i, $"action {i} ({actions[i].Kind}) failed: {e.Message}");
            }
        }
        return new ActionPlan(ledger, effects.ToImmutable());
    }

    private static DaoLedger Apply(DaoLedger ledger, ProposalClass cls, string proposalId, int index, ProposalAction action,
        DateTimeOffset now, ImmutableArray<DaoEffect>.Builder effects)
    {
        Refuse.Unless(cls.AllowedActions.HasFlag(action.Kind), GovernanceError.ActionNotAllowed, $"class '{cls.Name}' does not allow it");
        ValidateShape(index, action);
        switch (action)
        {
            case AmendConstitution amend:
                var next = amend.Constitution with
                {
                    Version = ledger.Constitution.Version + 1, AdoptedBy = proposalId, AdoptedAt = now,
                };
                ConstitutionRules.Validate(next);
                return ledger with { Constitution = next };

            case CreateSubDao create:
                var path = $"{ledger.Path}/{create.Name}";
                Refuse.Unless(Names.IsDaoPath(path), GovernanceError.InvalidArgument,
                    $"'{path}' would be deeper than {Names.MaxDepth} levels");
                Refuse.Unless(!ledger.SubDaos.Contains(path), GovernanceError.DaoExists, $"sub-DAO '{path}' already exists");
                ConstitutionRules.Validate(create.Constitution);
                ConstitutionRules.ValidateWithin(create.Constitution, ledger.Constitution.SubDaoBounds);
                effects.Add(new DaoEffect { ProposalId = proposalId, ActionIndex = index, Target = path, Create = create });
                return ledger with { SubDaos = ledger.SubDaos.Add(path) };

            case AllocateBudget allocate:
                var target = allocate.SubDao.Contains('/') ? allocate.SubDao : $"{ledger.Path}/{allocate.SubDao}";
                Refuse.Unless(ledger.SubDaos.Contains(target), GovernanceError.DaoNotFound,
                    $"'{target}' is not a sub-DAO of '{ledger.Path}'");
                effects.Add(new DaoEffect
                {
                    ProposalId = proposalId,
                    ActionIndex = index,
                    Target = target,
                    Asset = allocate.Asset,
                    Amount = allocate.Amount,
                });
                return ledger with { Treasury = Debit(ledger.Treasury, allocate.Asset, allocate.Amount) };

            case TreasuryTransfer transfer:
                return ledger with { Treasury = Debit(ledger.Treasury, transfer.Asset, transfer.Amount) };

            case SetRole role:
                return ledger with { Roles = WithRole(ledger.Roles, role) };

            case SetPersonhood person:
                effects.Add(new DaoEffect
                {
                    ProposalId = proposalId,
                    ActionIndex = index,
                    Target = Names.PersonhoodKey(ledger.Path, person.Subject),
                    Personhood = person,
                });
                return ledger;

            case OnChainCall:
                return ledger; // runs on chain, through the timelock, before the ledger changes are saved

            default:
                throw Refuse.With(GovernanceError.ActionNotAllowed, $"unknown action {action.GetType().Name}");
        }
    }

    private static void ValidateShape(int i, ProposalAction action)
    {
        switch (action)
        {
            case AmendConstitution amend:
                Refuse.Unless(amend.Constitution is not null, GovernanceError.InvalidArgument, $"action {i}: constitution is missing");
                ConstitutionRules.Validate(amend.Constitution!);
                break;
            case CreateSubDao create:
                Refuse.Unless(Names.IsSegment(create.Name ?? ""), GovernanceError.InvalidArgument,
                    $"action {i}: '{create.Name}' is not a valid sub-DAO name");
                Refuse.Unless(create.Constitution is not null && create.Roles is not null, GovernanceError.InvalidArgument,
                    $"action {i}: constitution and roles are required");
                RequireRoles(create.Roles!, $"action {i}: ");
                break;
            case AllocateBudget allocate:
                RequireAmount(allocate.Asset, allocate.Amount, i);
                Refuse.Unless(!string.IsNullOrEmpty(allocate.SubDao), GovernanceError.InvalidArgument, $"action {i}: subDao is required");
                break;
            case TreasuryTransfer transfer:
                RequireAmount(transfer.Asset, transfer.Amount, i);
                Addresses.Require(transfer.To, $"action {i}: to");
                break;
            case SetRole role:
                Addresses.Require(role.Address, $"action {i}: address");
                Refuse.Unless(Enum.IsDefined(role.Role), GovernanceError.InvalidArgument, $"action {i}: unknown role");
                break;
            case SetPersonhood person:
                Addresses.Require(person.Subject, $"action {i}: subject");
                break;
            case OnChainCall call:
                Addresses.Require(call.Target, $"action {i}: target");
                Refuse.Unless(call.Chain > 0, GovernanceError.InvalidArgument, $"action {i}: chain id must be positive");
                Refuse.Unless(call.Value.Sign >= 0, GovernanceError.InvalidArgument, $"action {i}: value may not be negative");
                Refuse.Unless(Hex.TryParse(call.Calldata, out _), GovernanceError.InvalidArgument, $"action {i}: calldata must be 0x hex");
                break;
        }
    }

    /// <summary>Every role holder must be a canonical address.</summary>
    public static void RequireRoles(DaoRoles roles, string context = "")
    {
        foreach (var a in roles.Coordinators.Concat(roles.Committee).Concat(roles.Moderators.IsDefault ? [] : roles.Moderators))
            Addresses.Require(a, $"{context}role holder");
        if (roles.Guardian is not null) Addresses.Require(roles.Guardian, $"{context}guardian");
    }

    private static void RequireAmount(string asset, BigInteger amount, int i)
    {
        Refuse.Unless(Names.IsToken(asset), GovernanceError.InvalidArgument, $"action {i}: '{asset}' is not a valid asset id");
        Refuse.Unless(amount.Sign > 0, GovernanceError.InvalidArgument, $"action {i}: amount must be positive");
    }

    private static ImmutableDictionary<string, BigInteger> Debit(
        ImmutableDictionary<string, BigInteger> treasury, string asset, BigInteger amount)
    {
        var balance = treasury.GetValueOrDefault(asset);
        Refuse.Unless(balance >= amount, GovernanceError.InsufficientFunds, $"treasury holds {balance} {asset}, {amount} needed");
        return treasury.SetItem(asset, balance - amount);
    }

    public static ImmutableDictionary<string, BigInteger> Credit(
        ImmutableDictionary<string, BigInteger> treasury, string asset, BigInteger amount) =>
        treasury.SetItem(asset, treasury.GetValueOrDefault(asset) + amount);

    private static DaoRoles WithRole(DaoRoles roles, SetRole change) => change.Role switch
    {
        DaoRole.Coordinator => roles with { Coordinators = Toggle(roles.Coordinators, change.Address, change.Granted) },
        DaoRole.Committee => roles with { Committee = Toggle(roles.Committee, change.Address, change.Granted) },
        DaoRole.Moderator => roles with
        {
            Moderators = Toggle(roles.Moderators.IsDefault ? [] : roles.Moderators, change.Address, change.Granted),
        },
        _ => roles with { Guardian = change.Granted ? change.Address : roles.Guardian == change.Address ? null : roles.Guardian },
    };

    public static ImmutableArray<string> Toggle(ImmutableArray<string> holders, string address, bool granted) =>
        granted ? holders.Contains(address) ? holders : holders.Add(address) : holders.Remove(address);
}
