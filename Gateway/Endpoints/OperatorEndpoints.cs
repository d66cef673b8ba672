using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blocktrack.Gateway;

/// <summary>Operator actions, guarded by <c>X-Api-Key</c>: founding root DAOs, feeding balances, recording deposits.</summary>
public static class OperatorEndpoints
{
    public const string Tag = "Operator";

    public static void MapOperatorEndpoints(this IEndpointRouteBuilder app)
    {
        // OperatorKeyMiddleware demands a key holding the scope of every endpoint carrying this metadata.
        var operatorOnly = app.MapGroup("/").WithTags(Tag);
        operatorOnly.MapPost("/daos", CreateRootDao).WithName("CreateRootDao").RequireOperator(OperatorScopes.Daos)
            .WithSummary("Found a root DAO; 201 with the DAO")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        operatorOnly.MapPost("/voters/{address}/balances", RecordBalance).WithName("RecordBalance")
            .RequireOperator(OperatorScopes.Balances)
            .WithSummary("Feed the address's token balance as of a timepoint (unix seconds)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        operatorOnly.MapGroup("/daos").MapDao("POST", "/deposits", Deposit).WithName("Deposit")
            .RequireOperator(OperatorScopes.Deposits)
            .WithSummary("Record funds arriving in the DAO's treasury; idempotent per reference")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
    }

    private static async Task<Created<DaoInfo>> CreateRootDao(JsonBody<CreateRootDaoBody> body, IGrainFactory grains)
    {
        var (path, founding) = (DaoPath.Require(body.Value.Path), body.Value.Request);
        if (path.Contains('/'))
            throw new ApiProblemException(ErrorCodes.InvalidDaoPath,
                $"'{path}' is a sub-DAO path; sub-DAOs are created by their parent's proposals.");
        var request = founding with
        {
            Constitution = RequestAddresses.Normalize(founding.Constitution, "request.constitution"),
            Roles = RequestAddresses.Normalize(founding.Roles, "request.roles"),
        };
        var info = await grains.GetGrain<IDaoGrain>(path).CreateRoot(request);
        return TypedResults.Created("/daos/" + info.Path, info);
    }

    private static async Task<Ok<VoterInfo>> RecordBalance(Address voter, JsonBody<BalanceBody> body, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Voter(voter).RecordBalance(body.Value.Token, body.Value.Timepoint, body.Value.Balance));

    private static async Task<Ok<DaoInfo>> Deposit(DaoPath path, JsonBody<DepositBody> body, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Dao(path).Deposit(body.Value.Reference, body.Value.Asset, body.Value.Amount));
}
