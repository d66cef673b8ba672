namespace Blocktrack.Grains.Interfaces;

/// <summary>The stable, lower-case codes of the acts the audit log records (clients filter on them; never rename one).</summary>
public static class AuditActs
{
    public const string DaoFounded = "dao.founded";
    public const string BalanceRecorded = "balance.recorded";
    public const string DepositRecorded = "deposit.recorded";
    public const string ReputationAwarded = "reputation.awarded";
    public const string CommitteeChanged = "committee.changed";
    public const string ModeratorChanged = "moderator.changed";
    public const string PersonhoodAttested = "personhood.attested";
    public const string PersonhoodRevoked = "personhood.revoked";
    public const string ProposalVetoed = "proposal.vetoed";
    public const string ProposalCanceled = "proposal.canceled";
    public const string ModerationRecorded = "moderation.recorded";
    public const string ProposalExecuted = "proposal.executed";
    public const string ExecutionFailed = "proposal.execution-failed";
    public const string ConstitutionAdopted = "constitution.adopted";
    public const string WatcherRollback = "watcher.rollback";
}
