using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains.Grants;

/// <summary>The structured log lines of grant programs and grants.</summary>
internal static partial class GrantsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Grant program {Program} opened by {Proposal}: {Budget} {Asset}")]
    public static partial void ProgramOpened(this ILogger log, string program, string proposal, string budget, string asset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grant program {Program} closed: {Returned} {Asset} returned to the treasury")]
    public static partial void ProgramClosed(this ILogger log, string program, string returned, string asset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grant {Grant}: {Kind} by {Actor}")]
    public static partial void GrantChanged(this ILogger log, string grant, string kind, string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grant program {Program}: paying {Cause} on chain failed, retrying: {Error}")]
    public static partial void TranchePaymentFailed(this ILogger log, string program, string cause, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "DAO {Dao}: grant decision of {Proposal} action {Action} refused: {Reason}")]
    public static partial void GrantDecisionRefused(this ILogger log, string dao, string proposal, int action, string reason);
}
