using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blocktrack.Gateway;

/// <summary>Voters: position, past votes, and signed delegation.</summary>
public static class VoterEndpoints
{
    public const string Tag = "Voters";
    public const string DefaultToken = "btk";

    public static void MapVoterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/voters/{address}", GetVoter).WithName("GetVoter").WithTags(Tag)
            .WithSummary("The address's balance, delegate and votes in a token (?token=btk)").ProducesProblem(400);
        app.MapGet("/voters/{address}/votes", GetVotes).WithName("GetVotes").WithTags(Tag)
            .WithSummary("Votes delegated to the address at a timepoint (?token=btk&at=<unix seconds>, default now)").ProducesProblem(400);
        app.MapPost("/voters/{address}/delegate", Delegate).WithName("Delegate").WithTags(Tag)
            .WithSummary("Delegate the address's votes (signed Delegation; the zero address undelegates)")
            .Accepts<SignedRequest<DelegationMessage>>("application/json")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(409);
    }

    private static async Task<Ok<VoterInfo>> GetVoter(string address, HttpContext http, IGrainFactory grains)
    {
        var voter = Addresses.Normalize(address, "address");
        return TypedResults.Ok(await grains.GetGrain<IVoterGrain>(voter).GetInfo(Query.String(http.Request, "token", DefaultToken)));
    }

    private static async Task<Ok<VotesView>> GetVotes(string address, HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        var voter = Addresses.Normalize(address, "address");
        var token = Query.String(http.Request, "token", DefaultToken);
        var at = Query.Long(http.Request, "at", time.GetUtcNow().ToUnixTimeSeconds());
        return TypedResults.Ok(new VotesView(voter, token, at, await grains.GetGrain<IVoterGrain>(voter).GetVotes(token, at)));
    }

    private static async Task<Ok<VoterInfo>> Delegate(string address, HttpContext http, IGrainFactory grains, SignatureVerifier verifier)
    {
        var voter = Addresses.Normalize(address, "address");
        var verified = verifier.Verify(await JsonBody.ReadAsync<SignedRequest<DelegationMessage>>(http));
        if (verified.Signer != voter)
            throw new ApiProblemException(ErrorCodes.AddressMismatch, $"The delegation is signed by {verified.Signer} but was sent to /voters/{voter}.");
        await SignedMessages.Consume(grains, verifier, verified);
        var message = verified.Message;
        return TypedResults.Ok(await grains.GetGrain<IVoterGrain>(voter).Delegate(message.Token, message.DelegateeOrNull));
    }
}
