using System.Numerics;
using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains;

/// <summary>The governance grains' structured log lines: what was refused, retried or rolled back, and why.</summary>
public static partial class GovernanceLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Ballot of {Voter} on {Proposal} refused: {Error} ({Reason})")]
    public static partial void BallotRefused(this ILogger log, string proposal, string voter, string error, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ballot of {Voter} on {Proposal} not durable, taken back out of the tally")]
    public static partial void BallotRolledBack(this ILogger log, Exception error, string proposal, string voter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Proposal {Proposal}: {From} -> {To}")]
    public static partial void ProposalMoved(this ILogger log, string proposal, string from, string to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proposal {Proposal}: deadline work failed, retrying in {Delay}")]
    public static partial void DeadlineRetry(this ILogger log, Exception error, string proposal, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proposal {Proposal}: pushing a change to its watchers failed")]
    public static partial void WatchPushFailed(this ILogger log, Exception error, string proposal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proposal {Proposal}: execution failed at action {Action}: {Error}")]
    public static partial void ExecutionFailed(this ILogger log, string proposal, int? action, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Voter {Voter}: {Token} rolled back from block {Block} ({Points} points)")]
    public static partial void ChainRolledBack(this ILogger log, string voter, string token, long block, int points);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Voter {Voter}: delivering transfer {Sequence} failed, retrying on next change")]
    public static partial void TransferRetry(this ILogger log, Exception error, string voter, long sequence);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reputation of {Address}: {Amount} in {Domain} at {At} for {Cause}")]
    public static partial void ReputationAwarded(
        this ILogger log, string address, string domain, string cause, BigInteger amount, long at);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reputation of {Address}: delivering award {Sequence} to its total failed")]
    public static partial void ReputationRetry(this ILogger log, Exception error, string address, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Personhood of {Address} in {Dao}: attested={Attested} by {By}")]
    public static partial void PersonhoodChanged(this ILogger log, string dao, string address, bool attested, string by);

    [LoggerMessage(Level = LogLevel.Error, Message = "DAO {Dao}: personhood effect of {Proposal} action {Action} refused: {Reason}")]
    public static partial void PersonhoodEffectRefused(this ILogger log, string dao, string proposal, int action, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Participant {Address} of {Dao}: badge {Badge} awarded for {Cause}")]
    public static partial void BadgeAwarded(this ILogger log, string dao, string address, string badge, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Participant {Address} of {Dao}: minting badge {Badge} failed, retrying: {Error}")]
    public static partial void BadgeMintFailed(this ILogger log, string dao, string address, string badge, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Participation of {Dao}: processing failed, retrying: {Work}")]
    public static partial void ParticipationRetry(this ILogger log, Exception error, string dao, string work);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reward epoch {Epoch} of {Dao}: payment failed, retrying: {Error}")]
    public static partial void RewardPaymentRetry(this ILogger log, string dao, long epoch, string? error);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Reward epoch {Epoch} of {Dao} closed: {Participants} participants, {Points} points")]
    public static partial void RewardEpochClosed(this ILogger log, string dao, long epoch, int participants, long points);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit {Seq}: {Act} by {Actor} on {Subject}")]
    public static partial void AuditAppended(this ILogger log, long seq, string act, string actor, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit act {Cause} not yet in the log, delivered again on the next change")]
    public static partial void AuditRetry(this ILogger log, Exception error, string cause);
}
