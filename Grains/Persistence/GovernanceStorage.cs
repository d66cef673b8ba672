namespace Blocktrack.Grains.Persistence;

/// <summary>Names of the grain storage provider and of each grain's state (unique, as the ADO.NET store keys rows by them).</summary>
public static class GovernanceStorage
{
    public const string Name = "governance";
    public const string DaoState = "dao";
    public const string ProposalState = "proposal";
    public const string VoterState = "voter";
    public const string TokenSupplyState = "token-supply";
    public const string BallotShardState = "ballot-shard";
    public const string ChainWatcherState = "chain-watcher";
    public const string AnchorState = "anchor";
    public const string MirroredGovernorState = "mirrored-governor";
    public const string MirroredProposalState = "mirrored-proposal";
    public const string ReputationState = "reputation";
    public const string ReputationSupplyState = "reputation-supply";
    public const string PersonhoodState = "personhood";
    public const string EscrowLockState = "escrow-lock";
    public const string VoteEscrowState = "vote-escrow";
    public const string ParticipantState = "participant";
    public const string RewardEpochState = "reward-epoch";
    public const string ParticipationState = "participation";
    public const string TreasuryRegistryState = "treasury-registry";
    public const string ChainTreasuryState = "chain-treasury";
    public const string TreasuryArchiveState = "treasury-archive";
    public const string ClusterCharterState = "cluster-charter";
    public const string DaoDirectoryState = "dao-directory";
    public const string AuditLogState = "audit-log";
    public const string AuditPageState = "audit-page";
    public const string AuditCauseState = "audit-cause";
    public const string GrantProgramState = "grant-program";
    public const string GrantState = "grant";
    public const string DaoAnalyticsState = "dao-analytics";
    public const string DelegateActivityState = "delegate-activity";
}
