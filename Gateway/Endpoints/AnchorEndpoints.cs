using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blocktrack.Gateway;

/// <summary>What the cluster anchored on chain, read back from the anchor contract and compared.</summary>
public static class AnchorEndpoints
{
    public const string Tag = "Anchoring";

    public static void MapAnchorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapProposalRoutes("GET", "/anchor", "GetProposalAnchor", GetProposalAnchor, b => b.WithTags(Tag)
            .WithSummary("The proposal's published result (final state, tally, ballot-set hash) and the anchor contract's copy")
            .ProducesProblem(404));
        app.MapDaoRoutes("GET", "/daos", "/constitution/anchor", "GetConstitutionAnchor", GetConstitutionAnchor, b => b.WithTags(Tag)
            .WithSummary("A constitution version's published hash (?version=, default current) and the anchor contract's copy")
            .ProducesProblem(400).ProducesProblem(404));
    }

    private static async Task<Ok<AnchorCheck>> GetProposalAnchor(HttpContext http, IGrainFactory grains)
    {
        var id = ProposalId.FromRoute(http.Request);
        await grains.GetGrain<IProposalGrain>(id).GetInfo(); // 404 for an unknown proposal
        return TypedResults.Ok(await grains.GetGrain<IAnchorGrain>(0).Check(AnchorRecord.ResultKey(id)));
    }

    private static async Task<Ok<AnchorCheck>> GetConstitutionAnchor(HttpContext http, IGrainFactory grains)
    {
        var path = DaoPath.FromRoute(http.Request);
        var info = await grains.GetGrain<IDaoGrain>(path).GetInfo();
        var version = Query.Int(http.Request, "version", info.Constitution.Version, 1, info.Constitution.Version);
        return TypedResults.Ok(await grains.GetGrain<IAnchorGrain>(0).Check(AnchorRecord.ConstitutionKey(path, version)));
    }
}
