using System.Globalization;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// Reporting periods: a calendar month in UTC (<c>2026-11</c>) or <c>all</c> (all time). A proposal belongs to the month its
/// voting closed (its final deadline), so each proposal and its ballots count in exactly one month.
/// </summary>
public static class Periods
{
    public const string All = "all";

    /// <summary>The month (yyyy-MM, UTC) of a unix-seconds timepoint.</summary>
    public static string MonthOf(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="period"/> is <c>all</c> or a month yyyy-MM between 1970-01 and 9999-12.</summary>
    public static bool IsValid(string? period) =>
        period == All || (period is { Length: 7 } && period[4] == '-'
            && DateTime.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && month.Year >= 1970);

    /// <summary>The periods a proposal closing at <paramref name="closedAt"/> counts in: its month and all time.</summary>
    public static IReadOnlyList<string> Of(long closedAt) => [MonthOf(closedAt), All];
}
