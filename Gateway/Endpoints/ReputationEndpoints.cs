using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>Reputation: the operator's award feed (guarded by <c>X-Api-Key</c>) and public readings per address.</summary>
public static class ReputationEndpoints
{
    public const string Tag = "Reputation";

    public static void MapReputationEndpoints(this IEndpointRouteBuilder app)
    {
        var operatorOnly = app.MapGroup("/reputation").WithTags(Tag, OperatorEndpoints.Tag)
            .RequireOperator(OperatorScopes.Reputation);
        operatorOnly.MapPost("/awards", Award).WithName("AwardReputation")
            .WithSummary("Award reputation in a domain; 201 with the award, 200 with the first one when the cause was awarded before")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        app.MapGroup("/voters/{address}").WithTags(VoterEndpoints.Tag).MapGet("/reputation", GetReputation).WithName("GetReputation")
            .WithSummary("The address's reputation in a domain at a timepoint (?domain=<DAO path>&at=<unix seconds>, default now)")
            .ProducesProblem(400);
    }

    private static async Task<Results<Created<ReputationAward>, Ok<ReputationAward>>> Award(
        JsonBody<ReputationAwardBody> body, IGrainFactory grains)
    {
        var award = body.Value;
        var domain = DaoPath.Require(award.Domain);
        var address = RequestAddresses.Normalize(award.Address, "address");
        var result = await grains.GetGrain<IReputationGrain>(address).AwardByOperator(domain, award.Cause, award.Amount, award.At);
        return result.Applied
            ? TypedResults.Created($"/voters/{address}/reputation?domain={domain}&at={result.At}", result)
            : TypedResults.Ok(result);
    }

    private static async Task<Ok<ReputationView>> GetReputation(
        Address voter, [FromQuery] string? domain, [FromQuery] string? at, IGrainFactory grains, TimeProvider time)
    {
        var timepoint = Query.Long("at", at, time.GetUtcNow().ToUnixTimeSeconds());
        var path = Query.Dao("domain", domain);
        var value = await grains.GetGrain<IReputationGrain>(voter.Value).GetReputation(path, timepoint);
        return TypedResults.Ok(new ReputationView(voter.Value, path, timepoint, value));
    }
}
