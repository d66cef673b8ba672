using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blocktrack.Gateway;

/// <summary>Reading proposals, and the unsigned execute anyone may trigger.</summary>
public static class ProposalEndpoints
{
    public const string Tag = "Proposals";
    public const int MaxPageSize = 200;

    public static void MapProposalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapProposalRoutes("GET", "", "GetProposal", GetProposal, b => b.WithTags(Tag)
            .WithSummary("A proposal: lifecycle state, deadlines, tally, actions").ProducesProblem(404));
        app.MapProposalRoutes("GET", "/tally", "GetTally", GetTally, b => b.WithTags(Tag)
            .WithSummary("The live tally").ProducesProblem(404));
        app.MapProposalRoutes("GET", "/ballots", "ListBallots", ListBallots, b => b.WithTags(Tag)
            .WithSummary("A page of ballots, one per voter, by voter address; ?offset=0&limit=50 (limit ≤ 200)")
            .ProducesProblem(400).ProducesProblem(404));
        app.MapProposalRoutes("POST", "/execute", "Execute", Execute, b => b.WithTags(Tag)
            .WithSummary("Execute a queued proposal whose eta has passed (no signature: anyone may trigger it)")
            .ProducesProblem(404).ProducesProblem(409));
    }

    private static async Task<Ok<ProposalInfo>> GetProposal(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Proposal(http, grains).GetInfo());

    private static async Task<Ok<Tally>> GetTally(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Proposal(http, grains).GetTally());

    private static async Task<Ok<BallotPage>> ListBallots(HttpContext http, IGrainFactory grains)
    {
        var proposal = Proposal(http, grains);
        var offset = Query.Int(http.Request, "offset", 0, 0, int.MaxValue);
        var limit = Query.Int(http.Request, "limit", 50, 1, MaxPageSize);
        return TypedResults.Ok(new BallotPage(await proposal.GetBallots(offset, limit), offset, limit));
    }

    private static async Task<Ok<ProposalInfo>> Execute(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Proposal(http, grains).Execute());

    internal static IProposalGrain Proposal(HttpContext http, IGrainFactory grains) =>
        grains.GetGrain<IProposalGrain>(ProposalId.FromRoute(http.Request));
}
