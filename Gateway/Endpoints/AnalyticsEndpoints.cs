using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Blocktrack.Gateway;

/// <summary>
/// Governance analytics of a DAO (its sub-DAOs included), each report as JSON or CSV (<c>?format=csv</c> or
/// <c>Accept: text/csv</c>): a period's figures and its proposals, the delegate leaderboard, power concentration at a
/// time, and the nudges for coordinators. All come from incrementally kept figures; none reads a ballot.
/// </summary>
public static class AnalyticsEndpoints
{
    public const string Tag = "Analytics";

    public static void MapAnalyticsEndpoints(this IEndpointRouteBuilder app)
    {
        var daos = app.MapGroup("/daos").WithTags(Tag);
        daos.MapDao("GET", "/analytics", GetReport).WithName("GetAnalytics")
            .WithSummary("A period's figures (?period=all|yyyy-MM, UTC month the vote closed): proposals by outcome, pass rate, "
                + "median turnout and time to quorum, unique voters; ?format=csv")
            .Produces<AnalyticsReport>().Produces(200, contentType: "text/csv").ProducesProblem(400).ProducesProblem(404);
        daos.MapDao("GET", "/analytics/proposals", GetProposals).WithName("GetAnalyticsProposals")
            .WithSummary("Each closed proposal of a period: outcome, ballots, power cast, votable, turnout, time to quorum; ?format=csv")
            .Produces<ProposalFigures[]>().Produces(200, contentType: "text/csv").ProducesProblem(400).ProducesProblem(404);
        daos.MapDao("GET", "/analytics/delegates", GetDelegates).WithName("GetAnalyticsDelegates")
            .WithSummary("Delegate leaderboard by power (?token=&limit=50&lastN=10): participation over the last N proposals and "
                + "90 days (active ≥ 75%), rationale rate; ?format=csv")
            .Produces<DelegateBoard>().Produces(200, contentType: "text/csv").ProducesProblem(400).ProducesProblem(404);
        daos.MapDao("GET", "/analytics/concentration", GetConcentration).WithName("GetAnalyticsConcentration")
            .WithSummary("Concentration of delegated votable power (?token=&at=<unix seconds>): Gini, Nakamoto, HHI; ?format=csv")
            .Produces<ConcentrationReport>().Produces(200, contentType: "text/csv").ProducesProblem(400).ProducesProblem(404);
        daos.MapDao("GET", "/analytics/nudges", GetNudges).WithName("GetAnalyticsNudges")
            .WithSummary("For coordinators: delegates below a participation threshold (?thresholdBps=7500&lastN=10&delegates=100) "
                + "and active proposals closing within ?withinHours=24 below quorum; ?format=csv")
            .Produces<Nudges>().Produces(200, contentType: "text/csv").ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<IResult> GetReport(DaoPath path, [FromQuery] string? period, [FromQuery] string? format, HttpContext http,
        IGrainFactory grains, IOptions<JsonOptions> json)
    {
        var report = await Analytics(grains, path).GetReport(await Period(grains, path, period));
        return AnalyticsExport.Answer(http, format, report, json, AnalyticsExport.Report, "analytics");
    }

    private static async Task<IResult> GetProposals(DaoPath path, [FromQuery] string? period, [FromQuery] string? format, HttpContext http,
        IGrainFactory grains, IOptions<JsonOptions> json)
    {
        var report = await Analytics(grains, path).GetReport(await Period(grains, path, period));
        return AnalyticsExport.Answer(http, format, report.Items, json, items => AnalyticsExport.Proposals(items), "analytics-proposals");
    }

    private static async Task<IResult> GetDelegates(DaoPath path, [FromQuery] string? token, [FromQuery] string? limit,
        [FromQuery] string? lastN, [FromQuery] string? format, HttpContext http, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        var take = Query.Int("limit", limit, 50, 1, 500);
        var n = Query.Int("lastN", lastN, 10, 1, 1_000);
        var board = await Analytics(grains, path).GetDelegates(await Token(grains, path, token), take, n);
        return AnalyticsExport.Answer(http, format, board, json, AnalyticsExport.Delegates, "analytics-delegates");
    }

    private static async Task<IResult> GetConcentration(DaoPath path, [FromQuery] string? token, [FromQuery] string? at,
        [FromQuery] string? format, HttpContext http, IGrainFactory grains, TimeProvider time, IOptions<JsonOptions> json)
    {
        var timepoint = Query.Long("at", at, time.GetUtcNow().ToUnixTimeSeconds());
        var id = await Token(grains, path, token);
        var report = await grains.GetGrain<IPowerDistributionGrain>(id).GetConcentration(timepoint);
        return AnalyticsExport.Answer(http, format, report, json, AnalyticsExport.Concentration, "analytics-concentration");
    }

    private static async Task<IResult> GetNudges(DaoPath path, [FromQuery] string? token, [FromQuery] string? thresholdBps,
        [FromQuery] string? lastN, [FromQuery] string? delegates, [FromQuery] string? withinHours, [FromQuery] string? format,
        HttpContext http, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        var query = new NudgeQuery
        {
            Token = await Token(grains, path, token),
            ThresholdBps = Query.Int("thresholdBps", thresholdBps, 7_500, 0, 10_000),
            LastN = Query.Int("lastN", lastN, 10, 1, 1_000),
            Delegates = Query.Int("delegates", delegates, 100, 1, 500),
            ClosingWithinSeconds = Query.Int("withinHours", withinHours, 24, 0, 24 * 366) * 3_600L,
        };
        var nudges = await Analytics(grains, path).GetNudges(query);
        return AnalyticsExport.Answer(http, format, nudges, json, AnalyticsExport.Nudges, "analytics-nudges");
    }

    private static IDaoAnalyticsGrain Analytics(IGrainFactory grains, DaoPath path) => grains.GetGrain<IDaoAnalyticsGrain>(path.Value);

    /// <summary>The period asked for (default: all time), refused with <c>invalid-period</c>; 404 for an unknown DAO first.</summary>
    private static async Task<string> Period(IGrainFactory grains, DaoPath path, string? period)
    {
        await grains.Dao(path).GetInfo();
        if (string.IsNullOrEmpty(period)) return Periods.All;
        return Periods.IsValid(period)
            ? period
            : throw new ApiProblemException(ErrorCodes.InvalidPeriod,
                $"Query parameter 'period' must be 'all' or a month yyyy-MM (UTC) from 1970-01, got '{Clip(period)}'.");
    }

    /// <summary>The token asked for, else the first token whose votes the DAO's constitution counts.</summary>
    private static async Task<string> Token(IGrainFactory grains, DaoPath path, string? token)
    {
        var info = await grains.Dao(path).GetInfo();
        if (!string.IsNullOrEmpty(token))
            return Names.IsToken(token)
                ? token
                : throw new ApiProblemException(ErrorCodes.InvalidArgument,
                    $"Query parameter 'token' is not a token id, got '{Clip(token)}'.");
        var counted = info.Constitution.Classes.SelectMany(c => c.PowerSource.Parts())
            .Where(p => p.Kind == PowerSourceKind.TokenVotes).SelectMany(p => p.AllTokens()).FirstOrDefault();
        return counted ?? throw new ApiProblemException(ErrorCodes.InvalidArgument,
            $"'{path}' counts no token votes; name the token with ?token=.");
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
