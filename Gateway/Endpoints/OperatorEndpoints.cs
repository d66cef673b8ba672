using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blocktrack.Gateway;

/// <summary>Operator actions, guarded by <c>X-Api-Key</c>: founding root DAOs, feeding balances, recording deposits.</summary>
public static class OperatorEndpoints
{
    public const string Tag = "Operator";

    public static void MapOperatorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/daos", CreateRootDao).WithName("CreateRootDao").WithTags(Tag).RequireOperator()
            .WithSummary("Found a root DAO; 201 with the DAO")
            .Accepts<CreateRootDaoBody>("application/json")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(409).ProducesProblem(422);
        app.MapPost("/voters/{address}/balances", RecordBalance).WithName("RecordBalance").WithTags(Tag).RequireOperator()
            .WithSummary("Feed the address's token balance as of a timepoint (unix seconds)")
            .Accepts<BalanceBody>("application/json")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(409);
        app.MapDaoRoutes("POST", "/daos", "/deposits", "Deposit", Deposit, b => b.WithTags(Tag).RequireOperator()
            .WithSummary("Record funds arriving in the DAO's treasury; idempotent per reference")
            .Accepts<DepositBody>("application/json")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(404));
    }

    private static TBuilder RequireOperator<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(OperatorOnly.Instance);

    private static async Task<Created<DaoInfo>> CreateRootDao(HttpContext http, IGrainFactory grains)
    {
        var body = await JsonBody.ReadAsync<CreateRootDaoBody>(http);
        var path = DaoPath.Require(body.Path);
        if (path.Contains('/'))
            throw new ApiProblemException(ErrorCodes.InvalidDaoPath, $"'{path}' is a sub-DAO path; sub-DAOs are created by their parent's proposals.");
        var request = body.Request with
        {
            Constitution = Addresses.Normalize(body.Request.Constitution, "request.constitution"),
            Roles = Addresses.Normalize(body.Request.Roles, "request.roles"),
        };
        var info = await grains.GetGrain<IDaoGrain>(path).CreateRoot(request);
        return TypedResults.Created("/daos/" + info.Path, info);
    }

    private static async Task<Ok<VoterInfo>> RecordBalance(string address, HttpContext http, IGrainFactory grains)
    {
        var voter = Addresses.Normalize(address, "address");
        var body = await JsonBody.ReadAsync<BalanceBody>(http);
        return TypedResults.Ok(await grains.GetGrain<IVoterGrain>(voter).RecordBalance(body.Token, body.Timepoint, body.Balance));
    }

    private static async Task<Ok<DaoInfo>> Deposit(HttpContext http, IGrainFactory grains)
    {
        var dao = DaoPath.FromRoute(http.Request);
        var body = await JsonBody.ReadAsync<DepositBody>(http);
        return TypedResults.Ok(await grains.GetGrain<IDaoGrain>(dao).Deposit(body.Reference, body.Asset, body.Amount));
    }
}
