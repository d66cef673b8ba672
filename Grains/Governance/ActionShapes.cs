using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Governance.Grants;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>Checks that each kind of action is well-formed, before a proposal is accepted and again when it executes.</summary>
public static class ActionShapes
{
    public const int MaxRewardEpochs = 520;

    public static void Validate(int i, ProposalAction action)
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
                ActionPlanner.RequireRoles(create.Roles!, $"action {i}: ");
                break;
            case AllocateBudget allocate:
                RequireAmount(allocate.Asset, allocate.Amount, i);
                Refuse.Unless(!string.IsNullOrEmpty(allocate.SubDao), GovernanceError.InvalidArgument, $"action {i}: subDao is required");
                SdgRules.ValidateGoals(allocate.Sdgs ?? [], $"action {i}");
                break;
            case TreasuryTransfer transfer:
                RequireAmount(transfer.Asset, transfer.Amount, i);
                Addresses.Require(transfer.To, $"action {i}: to");
                SdgRules.ValidateGoals(transfer.Sdgs ?? [], $"action {i}");
                break;
            case SetRole role:
                Addresses.Require(role.Address, $"action {i}: address");
                Refuse.Unless(Enum.IsDefined(role.Role), GovernanceError.InvalidArgument, $"action {i}: unknown role");
                break;
            case SetPersonhood person:
                Addresses.Require(person.Subject, $"action {i}: subject");
                break;
            case FundRewards fund:
                RequireAmount(fund.Asset, fund.AmountPerEpoch, i);
                Refuse.Unless(fund.Epochs is >= 1 and <= MaxRewardEpochs, GovernanceError.InvalidArgument,
                    $"action {i}: a rewards budget runs 1..{MaxRewardEpochs} epochs");
                Refuse.Unless(fund.Chain is null == fund.Token is null, GovernanceError.InvalidArgument,
                    $"action {i}: chain and token go together (an ERC-20 on that chain's timelock) or not at all");
                if (fund.Chain is { } chain)
                    Refuse.Unless(chain > 0, GovernanceError.InvalidArgument, $"action {i}: chain id must be positive");
                if (fund.Token is { } token) Addresses.Require(token, $"action {i}: token");
                break;
            case ReverseModeration reverse:
                Refuse.Unless(reverse.Seq >= 1, GovernanceError.InvalidArgument, $"action {i}: seq is a moderation's number (1 or more)");
                Refuse.Unless(!string.IsNullOrWhiteSpace(reverse.Reason) && reverse.Reason.Length <= ModerationRules.MaxReason,
                    GovernanceError.InvalidArgument, $"action {i}: an appeal needs a reason of 1..{ModerationRules.MaxReason} characters");
                break;
            case OpenGrantProgram or DecideGrant:
                GrantActions.Validate(i, action);
                break;
            case OnChainCall call:
                Addresses.Require(call.Target, $"action {i}: target");
                Refuse.Unless(call.Chain > 0, GovernanceError.InvalidArgument, $"action {i}: chain id must be positive");
                Refuse.Unless(call.Value.Sign >= 0, GovernanceError.InvalidArgument, $"action {i}: value may not be negative");
                Refuse.Unless(Hex.TryParse(call.Calldata, out _), GovernanceError.InvalidArgument, $"action {i}: calldata must be 0x hex");
                break;
        }
    }

    private static void RequireAmount(string asset, BigInteger amount, int i)
    {
        Refuse.Unless(Names.IsToken(asset), GovernanceError.InvalidArgument, $"action {i}: '{asset}' is not a valid asset id");
        Refuse.Unless(amount.Sign > 0, GovernanceError.InvalidArgument, $"action {i}: amount must be positive");
    }

}
