using Microsoft.Extensions.Logging;

namespace Blocktrack.Grains;

/// <summary>Structured log lines of the analytics grains and feeds.</summary>
public static partial class AnalyticsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Voter {Voter}: reporting {Token} power v{Version} to analytics failed, retrying")]
    public static partial void PowerFeedRetry(this ILogger log, Exception error, string voter, string token, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics of {Dao}: reading the ballots of {Proposal} failed, retrying")]
    public static partial void AnalyticsRetry(this ILogger log, Exception error, string dao, string proposal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analytics of {Dao}: {Proposal} read, {Ballots} ballots, turnout {Turnout} ppm")]
    public static partial void AnalyticsProposalRead(this ILogger log, string dao, string proposal, long ballots, long turnout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Power distribution {Token}: {Rows} changes replayed, {Holders} holders")]
    public static partial void DistributionReplayed(this ILogger log, string token, int rows, long holders);
}
