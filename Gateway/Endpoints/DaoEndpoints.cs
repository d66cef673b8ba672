using System.Collections.Immutable;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blocktrack.Gateway;

/// <summary>Reading DAOs: info, constitution and its history, treasury, and the proposal index.</summary>
public static class DaoEndpoints
{
    public const string Tag = "DAOs";
    public const int MaxPageSize = 200;

    public static void MapDaoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapDaoRoutes("GET", "/daos", "", "GetDao", GetDao, b => b.WithTags(Tag)
            .WithSummary("A DAO: constitution, roles, sub-DAOs, treasury").ProducesProblem(404));
        app.MapDaoRoutes("GET", "/daos", "/constitution", "GetConstitution", GetConstitution, b => b.WithTags(Tag)
            .WithSummary("The DAO's current constitution").ProducesProblem(404));
        app.MapDaoRoutes("GET", "/daos", "/constitution/history", "GetConstitutionHistory", GetConstitutionHistory, b => b.WithTags(Tag)
            .WithSummary("Every version of the constitution, oldest first").ProducesProblem(404));
        app.MapDaoRoutes("GET", "/daos", "/treasury", "GetTreasury", GetTreasury, b => b.WithTags(Tag)
            .WithSummary("Treasury balances per asset").ProducesProblem(404));
        app.MapDaoRoutes("GET", "/daos", "/proposals", "ListProposals", ListProposals, b => b.WithTags(Tag)
            .WithSummary("A page of the DAO's proposals, newest first; ?state=active&offset=0&limit=50 (limit ≤ 200)")
            .ProducesProblem(400).ProducesProblem(404));
    }

    private static async Task<Ok<DaoInfo>> GetDao(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Dao(http, grains).GetInfo());

    private static async Task<Ok<Constitution>> GetConstitution(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok((await Dao(http, grains).GetInfo()).Constitution);

    private static async Task<Ok<ImmutableArray<Constitution>>> GetConstitutionHistory(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Dao(http, grains).GetConstitutionHistory());

    private static async Task<Ok<TreasuryView>> GetTreasury(HttpContext http, IGrainFactory grains)
    {
        var info = await Dao(http, grains).GetInfo();
        return TypedResults.Ok(new TreasuryView(info.Path, info.Treasury));
    }

    private static async Task<Ok<ProposalPage>> ListProposals(HttpContext http, IGrainFactory grains)
    {
        var dao = Dao(http, grains);
        var state = Query.State(http.Request, "state");
        var offset = Query.Int(http.Request, "offset", 0, 0, int.MaxValue);
        var limit = Query.Int(http.Request, "limit", 50, 1, MaxPageSize);
        return TypedResults.Ok(await dao.ListProposals(state, offset, limit));
    }

    private static IDaoGrain Dao(HttpContext http, IGrainFactory grains) =>
        grains.GetGrain<IDaoGrain>(DaoPath.FromRoute(http.Request));
}
