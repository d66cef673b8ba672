using System.Globalization;
using System.Text;
using System.Text.Json;
using Blocktrack.Grains.Interfaces;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Blocktrack.Gateway;

/// <summary>The analytics reports as JSON (the record itself) or CSV (RFC 4180, a header row, invariant numbers).</summary>
public static class AnalyticsExport
{
    /// <summary>CSV when <c>?format=csv</c>, or no format and an Accept header naming text/csv; JSON otherwise.</summary>
    public static bool WantsCsv(HttpContext http, string? format) => format switch
    {
        "csv" => true,
        "json" => false,
        null or "" => http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)),
        _ => throw new ApiProblemException(ErrorCodes.InvalidArgument, "Query parameter 'format' must be 'json' or 'csv'."),
    };

    public static IResult Answer<T>(HttpContext http, string? format, T value, IOptions<JsonOptions> json,
        Func<T, IEnumerable<IReadOnlyList<string>>> rows, string name)
    {
        if (!WantsCsv(http, format)) return TypedResults.Json(value, json.Value.SerializerOptions);
        var text = new StringBuilder();
        foreach (var row in rows(value)) text.Append(string.Join(',', row.Select(Field))).Append("\r\n");
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"{name}.csv");
    }

    public static IEnumerable<IReadOnlyList<string>> Report(AnalyticsReport r)
    {
        yield return ["dao", "period", "proposals", "passed", "noQuorum", "rejected", "canceled", "passRate", "medianTurnout",
            "medianSecondsToQuorum", "uniqueVoters", "ballots", "pending", "asOf"];
        yield return [r.Dao, r.Period, N(r.Proposals), N(r.Passed), N(r.NoQuorum), N(r.Rejected), N(r.Canceled), N(r.PassRate),
            N(r.MedianTurnout), N(r.MedianSecondsToQuorum), N(r.UniqueVoters), N(r.Ballots), N(r.Pending), At(r.AsOf)];
    }

    public static IEnumerable<IReadOnlyList<string>> Proposals(IEnumerable<ProposalFigures> items)
    {
        yield return ["proposal", "outcome", "closedAt", "ballots", "powerCast", "votable", "turnoutPpm", "secondsToQuorum"];
        foreach (var p in items)
            yield return [p.Proposal, Camel(p.Outcome), N(p.ClosedAt), N(p.Ballots), N(p.PowerCast), N(p.Votable), N(p.TurnoutPpm),
                N(p.SecondsToQuorum)];
    }

    public static IEnumerable<IReadOnlyList<string>> Delegates(DelegateBoard board) => DelegateRows(board.Delegates);

    public static IEnumerable<IReadOnlyList<string>> Concentration(ConcentrationReport c)
    {
        yield return ["token", "at", "holders", "votable", "gini", "nakamoto", "hhi", "hhiPoints"];
        yield return [c.Token, N(c.At), N(c.Holders), N(c.Votable), N(c.Gini), N(c.Nakamoto), N(c.Hhi), N(c.HhiPoints)];
    }

    /// <summary>One table for both lists: delegates, then proposals, told apart by the first column.</summary>
    public static IEnumerable<IReadOnlyList<string>> Nudges(Nudges n)
    {
        yield return ["kind", "subject", "detail", "progress", "deadline"];
        foreach (var d in n.Delegates)
            yield return ["delegate", d.Address, $"voted {d.VotedLastN} of the last {d.LastN}", N(d.Participation), ""];
        foreach (var p in n.Proposals)
            yield return ["proposal", p.Proposal, $"{p.QuorumVotes} of {p.QuorumRequired} for quorum", N(p.QuorumProgress), At(p.Deadline)];
    }

    private static IEnumerable<IReadOnlyList<string>> DelegateRows(IEnumerable<DelegateRow> rows)
    {
        yield return ["address", "power", "powerShare", "votedLastN", "lastN", "participation", "voted90Days", "closed90Days",
            "participation90Days", "active", "ballots", "rationaleRate"];
        foreach (var d in rows)
            yield return [d.Address, N(d.Power), N(d.PowerShare), N(d.VotedLastN), N(d.LastN), N(d.Participation), N(d.Voted90Days),
                N(d.Closed90Days), N(d.Participation90Days), d.Active ? "true" : "false", N(d.Ballots), N(d.RationaleRate)];
    }

    private static string N<T>(T value) where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static string N<T>(T? value) where T : struct, IFormattable => value is { } v ? N(v) : "";

    private static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Camel(ProposalOutcome o) => JsonNamingPolicy.CamelCase.ConvertName(o.ToString());

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
