using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>What the cluster anchored on chain, read back from the anchor contract and compared.</summary>
public static class AnchorEndpoints
{
    public const string Tag = "Anchoring";

    public static void MapAnchorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/proposals").WithTags(Tag).MapProposal("GET", "/anchor", GetProposalAnchor).WithName("GetProposalAnchor")
            .WithSummary("The proposal's published result (final state, tally, ballot-set hash) and the anchor contract's copy")
            .ProducesProblem(404);
        app.MapGroup("/daos").WithTags(Tag).MapDao("GET", "/constitution/anchor", GetConstitutionAnchor).WithName("GetConstitutionAnchor")
            .WithSummary("A constitution version's published hash (?version=, default current) and the anchor contract's copy")
            .ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Ok<AnchorCheck>> GetProposalAnchor(ProposalId id, IGrainFactory grains)
    {
        await grains.Proposal(id).GetInfo(); // 404 for an unknown proposal
        return TypedResults.Ok(await grains.GetGrain<IAnchorGrain>(0).Check(AnchorRecord.ResultKey(id.Value)));
    }

    private static async Task<Ok<AnchorCheck>> GetConstitutionAnchor(DaoPath path, [FromQuery] string? version, IGrainFactory grains)
    {
        var info = await grains.Dao(path).GetInfo();
        var current = info.Constitution.Version;
        var chosen = Query.Int("version", version, current, 1, current);
        return TypedResults.Ok(await grains.GetGrain<IAnchorGrain>(0).Check(AnchorRecord.ConstitutionKey(path.Value, chosen)));
    }
}
