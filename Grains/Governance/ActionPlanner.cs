using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance.Grants;
using Blocktrack.Grains.Governance.Participation;
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
            ActionShapes.Validate(i, action);
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
        ActionShapes.Validate(index, action);
        switch (action)
        {
            case AmendConstitution amend:
                var next = amend.Constitution with
                {
                    Version = ledger.Constitution.Version + 1, AdoptedBy = proposalId, AdoptedAt = now,
                };
                ConstitutionRules.Validate(next);
                var retired = ledger.Constitution.RetiredOperatorCapabilities;
                Refuse.Unless((next.RetiredOperatorCapabilities & retired) == retired, GovernanceError.ConstitutionViolation,
                    $"operator capabilities {retired} are retired for good; an amendment may not give them back");
                TreasuryBindingRules.ValidateAmendment(ledger.Constitution.OnChainTreasury, next.OnChainTreasury);
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
                var target = TreasuryBindingRules.SubDaoPath(ledger.Path, allocate.SubDao);
                Refuse.Unless(ledger.SubDaos.Contains(target), GovernanceError.DaoNotFound,
                    $"'{target}' is not a sub-DAO of '{ledger.Path}'");
                // Funds held on chain reach the sub-DAO by a transfer to its account, which its own mirror credits.
                if (ledger.Constitution.OnChainTreasury?.Find(allocate.Asset) is null) effects.Add(new DaoEffect
                {
                    ProposalId = proposalId,
                    ActionIndex = index,
                    Target = target,
                    Asset = allocate.Asset,
                    Amount = allocate.Amount,
                });
                return ledger with
                {
                    Treasury = Debit(ledger.Treasury, allocate.Asset, allocate.Amount),
                    Sdg = GrantActions.Tag(ledger, allocate.Sdgs, allocate.Asset, allocate.Amount, now),
                };

            case TreasuryTransfer transfer:
                return ledger with
                {
                    Treasury = Debit(ledger.Treasury, transfer.Asset, transfer.Amount),
                    Sdg = GrantActions.Tag(ledger, transfer.Sdgs, transfer.Asset, transfer.Amount, now),
                };

            case OpenGrantProgram or DecideGrant:
                return GrantActions.Apply(ledger, proposalId, index, action, now, effects);

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

            case FundRewards fund:
                var programme = ledger.Constitution.Participation ?? throw Refuse.With(GovernanceError.ActionNotAllowed,
                    $"'{ledger.Path}' has no participation programme in its constitution to fund");
                var first = Epochs.Of(now.ToUnixTimeSeconds(), programme.EpochSeconds);
                return ledger with
                {
                    RewardBudgets = ledger.RewardBudgets.Add(new RewardBudget
                    {
                        Asset = fund.Asset, AmountPerEpoch = fund.AmountPerEpoch, FirstEpoch = first, LastEpoch = first + fund.Epochs - 1,
                        Chain = fund.Chain, Token = fund.Token, FundedBy = proposalId,
                    }),
                };

            case ReverseModeration reverse:
                var act = reverse.Seq >= 1 && reverse.Seq <= ledger.Moderation.Count ? ledger.Moderation[(int)reverse.Seq - 1] : null;
                Refuse.Unless(act is { Hidden: true, Reverses: null }, GovernanceError.InvalidArgument,
                    $"'{ledger.Path}' has no moderation {reverse.Seq} that hid something");
                Refuse.Unless(!ledger.Moderation.Any(m => m.Reverses == reverse.Seq) && !ledger.Reversals.Any(r => r.Seq == reverse.Seq),
                    GovernanceError.InvalidState, $"moderation {reverse.Seq} has already been reversed");
                return ledger with { Reversals = ledger.Reversals.Add(reverse) };

            case OnChainCall:
                return ledger; // runs on chain, through the timelock, before the ledger changes are saved

            default:
                throw Refuse.With(GovernanceError.ActionNotAllowed, $"unknown action {action.GetType().Name}");
        }
    }

    /// <summary>Every role holder must be a canonical address.</summary>
    public static void RequireRoles(DaoRoles roles, string context = "")
    {
        foreach (var a in roles.Coordinators.Concat(roles.Committee).Concat(roles.Moderators.IsDefault ? [] : roles.Moderators))
            Addresses.Require(a, $"{context}role holder");
        if (roles.Guardian is not null) Addresses.Require(roles.Guardian, $"{context}guardian");
    }

    public static ImmutableDictionary<string, BigInteger> Debit(
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
