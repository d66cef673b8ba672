using System.Globalization;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>
/// <c>?act=&amp;actor=&amp;subject=&amp;from=&amp;to=</c> of <c>GET /audit</c>, bound with <c>[AsParameters]</c>; times are ISO 8601
/// or unix seconds, <c>from</c> inclusive and <c>to</c> exclusive. Bound as text so a bad value is an <c>invalid-argument</c> problem.
/// </summary>
public sealed record AuditFilter(
    [FromQuery(Name = "act")] string? Act,
    [FromQuery(Name = "actor")] string? Actor,
    [FromQuery(Name = "subject")] string? Subject,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To)
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["act"] = "Only this act, e.g. proposal.vetoed, balance.recorded (see docs/API.md#audit).",
        ["actor"] = "Only this actor: an operator key's name, a signer address, a proposal id or a chain id.",
        ["subject"] = "Only acts on this subject: a DAO path, a proposal id, an address or chain:{id}.",
        ["from"] = "Only acts at or after this time (ISO 8601 or unix seconds).",
        ["to"] = "Only acts before this time (ISO 8601 or unix seconds).",
    };

    public AuditQuery ToQuery()
    {
        var (from, to) = (Time("from", From), Time("to", To));
        if (from is not null && to is not null && to <= from)
            throw new ApiProblemException(ErrorCodes.InvalidArgument, "Query parameter 'to' must be later than 'from'.");
        return new AuditQuery { Act = Blank(Act), Actor = Blank(Actor), Subject = Blank(Subject), From = from, To = to };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset? Time(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253402300799)
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at;
        throw new ApiProblemException(ErrorCodes.InvalidArgument,
            $"Query parameter '{name}' must be an ISO 8601 time or unix seconds, got '{(text.Length <= 40 ? text : text[..37] + "...")}'.");
    }
}
