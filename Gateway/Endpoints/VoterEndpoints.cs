using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>Voters: position, past votes, vote-escrow power, and signed delegation.</summary>
public static class VoterEndpoints
{
    public const string Tag = "Voters";
    public const string DefaultToken = "btk";

    public static void MapVoterEndpoints(this IEndpointRouteBuilder app)
    {
        var voters = app.MapGroup("/voters/{address}").WithTags(Tag);
        voters.MapGet("", GetVoter).WithName("GetVoter")
            .WithSummary("The address's balance, delegate and votes in a token (?token=btk)").ProducesProblem(400);
        voters.MapGet("/votes", GetVotes).WithName("GetVotes")
            .WithSummary("Votes delegated to the address at a timepoint (?token=btk&at=<unix seconds>, default now)").ProducesProblem(400);
        voters.MapGet("/escrow", GetEscrowPower).WithName("GetEscrowPower")
            .WithSummary("The address's vote-escrow lock and power at a timepoint (?escrow=vebtk@412346&at=<unix seconds>, default now)")
            .ProducesProblem(400);
        voters.MapPost("/delegate", Delegate).WithName("Delegate")
            .WithSummary("Delegate the address's votes (signed Delegation; the zero address undelegates)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(409);
    }

    private static async Task<Ok<VoterInfo>> GetVoter(Address voter, [FromQuery] string? token, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Voter(voter).GetInfo(TokenOrDefault(token)));

    private static async Task<Ok<VotesView>> GetVotes(
        Address voter, [FromQuery] string? token, [FromQuery] string? at, IGrainFactory grains, TimeProvider time)
    {
        var (tokenId, timepoint) = (TokenOrDefault(token), Query.Long("at", at, time.GetUtcNow().ToUnixTimeSeconds()));
        return TypedResults.Ok(new VotesView(voter.Value, tokenId, timepoint, await grains.Voter(voter).GetVotes(tokenId, timepoint)));
    }

    private static async Task<Ok<EscrowPowerView>> GetEscrowPower(
        Address voter, [FromQuery] string? escrow, [FromQuery] string? at, IGrainFactory grains, TimeProvider time)
    {
        var escrowId = Query.Token("escrow", escrow, "vebtk@412346");
        var timepoint = Query.Long("at", at, time.GetUtcNow().ToUnixTimeSeconds());
        var lockGrain = grains.GetGrain<IEscrowLockGrain>(EscrowKeys.Lock(escrowId, voter.Value));
        var (lockState, power) = (await lockGrain.GetLock(timepoint), await lockGrain.GetPower(timepoint));
        return TypedResults.Ok(new EscrowPowerView(voter.Value, escrowId, timepoint, lockState.Amount, lockState.UnlockTime, power));
    }

    private static async Task<Ok<VoterInfo>> Delegate(Address voter, Signed<DelegationMessage> delegation, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Voter(voter).Delegate(delegation.Message.Token, delegation.Message.DelegateeOrNull));

    private static string TokenOrDefault(string? token) => string.IsNullOrEmpty(token) ? DefaultToken : token;
}
