using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Architecture.Tests;

/// <summary>
/// Stored grain state holds these enums as numbers (Orleans serializer), so a member inserted in the middle would silently
/// change the meaning of every stored value. The numbers are pinned here: add members at the end, never renumber.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class PersistedEnumTests
{
    private static void Pinned<T>(params (T Member, int Number)[] table) where T : struct, Enum
    {
        Assert.Equal(Enum.GetValues<T>().Length, table.Length);
        foreach (var (member, number) in table) Assert.Equal(number, Convert.ToInt32(member));
    }

    [Fact]
    public void Proposal_states() => Pinned(
        (ProposalState.Pending, 0), (ProposalState.Active, 1), (ProposalState.Canceled, 2), (ProposalState.Defeated, 3),
        (ProposalState.Succeeded, 4), (ProposalState.Queued, 5), (ProposalState.Expired, 6), (ProposalState.Executed, 7),
        (ProposalState.Vetoed, 8));

    [Fact]
    public void Governance_errors() => Pinned(
        (GovernanceError.InvalidArgument, 0), (GovernanceError.DaoNotFound, 1), (GovernanceError.DaoExists, 2),
        (GovernanceError.ProposalNotFound, 3), (GovernanceError.UnknownClass, 4), (GovernanceError.ProposalNotActive, 5),
        (GovernanceError.InvalidState, 6), (GovernanceError.AlreadyVoted, 7), (GovernanceError.StaleBallot, 8),
        (GovernanceError.InsufficientPower, 9), (GovernanceError.BelowProposalThreshold, 10), (GovernanceError.NotAuthorized, 11),
        (GovernanceError.ConstitutionViolation, 12), (GovernanceError.ActionNotAllowed, 13), (GovernanceError.InsufficientFunds, 14),
        (GovernanceError.Replayed, 15), (GovernanceError.StaleTimepoint, 16), (GovernanceError.InvalidChoice, 17),
        (GovernanceError.NotAttested, 18), (GovernanceError.BallotNotFound, 19), (GovernanceError.EpochClosed, 20),
        (GovernanceError.EpochNotFound, 21), (GovernanceError.ChainOwned, 22),
        (GovernanceError.OperatorRetired, 23), (GovernanceError.TreasuryAccountTaken, 24), (GovernanceError.AccountNotControlled, 25),
        (GovernanceError.ProgramNotFound, 26), (GovernanceError.GrantNotFound, 27), (GovernanceError.SdgCapExceeded, 28),
        (GovernanceError.PaymentFailed, 29));

    [Fact]
    public void Operator_capabilities_are_flags() => Pinned(
        (OperatorCapability.None, 0), (OperatorCapability.RecordDeposits, 1), (OperatorCapability.AwardReputation, 2),
        (OperatorCapability.FeedBalances, 4), (OperatorCapability.FoundRootDaos, 8), (OperatorCapability.ConfigureChains, 16),
        (OperatorCapability.All, 31));

    [Fact]
    public void Treasury_custody() => Pinned((TreasuryCustody.Ledger, 0), (TreasuryCustody.OnChain, 1));

    [Fact]
    public void Treasury_movements() =>
        Pinned((TreasuryMovementKind.Opening, 1), (TreasuryMovementKind.In, 2), (TreasuryMovementKind.Out, 3));

    [Fact]
    public void Audit_actor_kinds() => Pinned(
        (AuditActorKind.OperatorKey, 0), (AuditActorKind.Signer, 1), (AuditActorKind.Proposal, 2), (AuditActorKind.ChainWatcher, 3));

    [Fact]
    public void Proposal_outcomes() => Pinned(
        (ProposalOutcome.Passed, 1), (ProposalOutcome.NoQuorum, 2), (ProposalOutcome.Rejected, 3), (ProposalOutcome.Canceled, 4));

    [Fact]
    public void Dao_roles() => Pinned((DaoRole.Coordinator, 0), (DaoRole.Committee, 1), (DaoRole.Guardian, 2), (DaoRole.Moderator, 3));

    [Fact]
    public void Power_source_kinds() => Pinned(
        (PowerSourceKind.TokenVotes, 0), (PowerSourceKind.Whitelist, 1), (PowerSourceKind.VoteEscrow, 2), (PowerSourceKind.Reputation, 3));

    [Fact]
    public void Ballot_support() => Pinned((Support.Against, 0), (Support.For, 1), (Support.Abstain, 2));

    [Fact]
    public void Governor_event_kinds() => Pinned(
        (GovernorEventKind.Created, 0), (GovernorEventKind.VoteCast, 1), (GovernorEventKind.Canceled, 2),
        (GovernorEventKind.Queued, 3), (GovernorEventKind.Executed, 4));

    [Fact]
    public void Counting_types() => Pinned(
        (CountingType.Basic, 0), (CountingType.SingleChoice, 1), (CountingType.Approval, 2), (CountingType.Weighted, 3),
        (CountingType.Quadratic, 4), (CountingType.RankedChoice, 5));

    [Fact]
    public void Action_kinds_are_flags() => Pinned(
        (ActionKinds.None, 0), (ActionKinds.AmendConstitution, 1), (ActionKinds.CreateSubDao, 2), (ActionKinds.AllocateBudget, 4),
        (ActionKinds.TreasuryTransfer, 8), (ActionKinds.SetRole, 16), (ActionKinds.OnChainCall, 32), (ActionKinds.SetPersonhood, 64),
        (ActionKinds.FundRewards, 128), (ActionKinds.ReverseModeration, 256), (ActionKinds.GrantProgram, 512),
        (ActionKinds.GrantDecision, 1024), (ActionKinds.All, 2047));

    [Fact]
    public void Badge_kinds() => Pinned(
        (BadgeKind.Ballots, 1), (BadgeKind.Participation, 2), (BadgeKind.ProposalsPassed, 3), (BadgeKind.TopParticipant, 4),
        (BadgeKind.MilestonesDelivered, 5));

    [Fact]
    public void Participant_fact_kinds() => Pinned(
        (ParticipantFactKind.Voted, 1), (ParticipantFactKind.ProposalPassed, 2), (ParticipantFactKind.ModerationUpheld, 3),
        (ParticipantFactKind.RewardCredited, 4), (ParticipantFactKind.TopInEpoch, 5),
        (ParticipantFactKind.MilestoneDelivered, 6));

    [Fact]
    public void Reward_epoch_states() => Pinned((RewardEpochState.Open, 0), (RewardEpochState.Closed, 1), (RewardEpochState.Paid, 2));

    [Fact]
    public void Grant_decisions() => Pinned((GrantDecision.Approve, 1), (GrantDecision.Reject, 2), (GrantDecision.Cancel, 3));

    [Fact]
    public void Grant_statuses() => Pinned(
        (GrantStatus.Pending, 0), (GrantStatus.Active, 1), (GrantStatus.Rejected, 2), (GrantStatus.Completed, 3), (GrantStatus.Canceled, 4));

    [Fact]
    public void Milestone_statuses() => Pinned(
        (MilestoneStatus.Planned, 0), (MilestoneStatus.Submitted, 1), (MilestoneStatus.Rejected, 2), (MilestoneStatus.Paid, 3),
        (MilestoneStatus.Canceled, 4));
}
