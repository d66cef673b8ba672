using System.Collections.Immutable;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>Reading DAOs: info, constitution and its history, treasury, and the proposal index.</summary>
public static class DaoEndpoints
{
    public const string Tag = "DAOs";

    public static void MapDaoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/daos", ListRootDaos).WithTags(Tag).WithName("ListRootDaos")
            .WithSummary("A page of the cluster's root DAOs in founding order; ?offset=0&limit=50 (limit ≤ 200)").ProducesProblem(400);
        var daos = app.MapGroup("/daos").WithTags(Tag);
        daos.MapDao("GET", "", GetDao).WithName("GetDao")
            .WithSummary("A DAO: constitution, roles, sub-DAOs, treasury").ProducesProblem(404);
        daos.MapDao("GET", "/constitution", GetConstitution).WithName("GetConstitution")
            .WithSummary("The DAO's current constitution").ProducesProblem(404);
        daos.MapDao("GET", "/constitution/history", GetConstitutionHistory).WithName("GetConstitutionHistory")
            .WithSummary("Every version of the constitution, oldest first").ProducesProblem(404);
        daos.MapDao("GET", "/treasury", GetTreasury).WithName("GetTreasury")
            .WithSummary("Treasury balances per asset, and where they are held (ledger or on chain)").ProducesProblem(404);
        daos.MapDao("GET", "/treasury/ledger", GetTreasuryLedger).WithName("GetTreasuryLedger")
            .WithSummary("A page of the on-chain treasury's mirrored transfers, oldest first (limit ≤ 200)")
            .ProducesProblem(400).ProducesProblem(404);
        daos.MapDao("GET", "/moderation", GetModeration).WithName("GetModeration")
            .WithSummary("The DAO's moderation log, oldest first: who hid or restored what, when and why").ProducesProblem(404);
        daos.MapDao("GET", "/proposals", ListProposals).WithName("ListProposals")
            .WithSummary("A page of the DAO's proposals, newest first; ?state=active&offset=0&limit=50 (limit ≤ 200)")
            .ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Ok<RootDaoPage>> ListRootDaos([AsParameters] PageQuery page, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDaoDirectoryGrain>(0).List(page.Skip, page.Take));

    private static async Task<Ok<DaoInfo>> GetDao(DaoPath path, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Dao(path).GetInfo());

    private static async Task<Ok<Constitution>> GetConstitution(DaoPath path, IGrainFactory grains) =>
        TypedResults.Ok((await grains.Dao(path).GetInfo()).Constitution);

    private static async Task<Ok<ImmutableArray<Constitution>>> GetConstitutionHistory(DaoPath path, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Dao(path).GetConstitutionHistory());

    private static async Task<Ok<TreasuryView>> GetTreasury(DaoPath path, IGrainFactory grains)
    {
        var info = await grains.Dao(path).GetInfo();
        return TypedResults.Ok(new TreasuryView(info.Path, info.Treasury, info.Custody, info.OnChainTreasury));
    }

    private static async Task<Ok<TreasuryLedgerPage>> GetTreasuryLedger(DaoPath path, [AsParameters] PageQuery page, IGrainFactory grains)
    {
        var info = await grains.Dao(path).GetInfo();
        if (info.OnChainTreasury is null)
            throw new ApiProblemException(ErrorCodes.NoOnChainTreasury,
                $"'{info.Path}' keeps its treasury on the cluster's ledger, not on chain.");
        return TypedResults.Ok(await grains.GetGrain<IChainTreasuryGrain>(info.Path).GetLedger(page.Skip, page.Take));
    }

    private static async Task<Ok<ProposalPage>> ListProposals(
        DaoPath path, [FromQuery] string? state, [FromQuery] string? include, [AsParameters] PageQuery page, IGrainFactory grains)
    {
        var filter = Query.State("state", state);
        var (offset, limit) = (page.Skip, page.Take);
        return TypedResults.Ok(await grains.Dao(path).ListProposals(filter, offset, limit, Query.IncludeHidden(include)));
    }

    private static async Task<Ok<ModerationPage>> GetModeration(DaoPath path, [AsParameters] PageQuery page, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Dao(path).GetModeration(page.Skip, page.Take));
}
