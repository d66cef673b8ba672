using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>Signed actions on a DAO: proposing, and a coordinator changing the committee.</summary>
public static class DaoActionEndpoints
{
    public static void MapDaoActionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapDaoRoutes("POST", "/daos", "/proposals", "Propose", Propose, b => b.WithTags(DaoEndpoints.Tag)
            .WithSummary("Submit a signed Proposal; 201 with the new proposal")
            .Accepts<SignedRequest<ProposalMessage>>("application/json")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        app.MapDaoRoutes("POST", "/daos", "/committee", "ChangeCommittee", ChangeCommittee, b => b.WithTags(DaoEndpoints.Tag)
            .WithSummary("A coordinator adds or removes a committee member (signed CommitteeChange)")
            .Accepts<SignedRequest<CommitteeChangeMessage>>("application/json")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409));
    }

    private static async Task<Created<ProposalInfo>> Propose(
        HttpContext http, IGrainFactory grains, SignatureVerifier verifier, IOptions<JsonOptions> json)
    {
        var dao = DaoPath.FromRoute(http.Request);
        var verified = verifier.Verify(await JsonBody.ReadAsync<SignedRequest<ProposalMessage>>(http));
        var message = verified.Message;
        RequireSameDao(message.Dao, dao);
        // Parsed before the message is consumed, so a typo in the actions does not burn the signature.
        var actions = ProposalActions.Parse(message.Actions, json.Value.SerializerOptions);
        await SignedMessages.Consume(grains, verifier, verified);
        var info = await grains.GetGrain<IDaoGrain>(dao).Propose(new ProposalDraft
        {
            Proposer = verified.Signer,
            Class = message.Class,
            Title = message.Title,
            Description = message.Description,
            Actions = actions,
            Digest = verified.Digest,
        });
        return TypedResults.Created("/proposals/" + info.Id, info);
    }

    private static async Task<Ok<DaoInfo>> ChangeCommittee(HttpContext http, IGrainFactory grains, SignatureVerifier verifier)
    {
        var dao = DaoPath.FromRoute(http.Request);
        var verified = verifier.Verify(await JsonBody.ReadAsync<SignedRequest<CommitteeChangeMessage>>(http));
        var message = verified.Message;
        RequireSameDao(message.Dao, dao);
        await SignedMessages.Consume(grains, verifier, verified);
        var member = MessageFields.Address(message.Member, "member");
        return TypedResults.Ok(await grains.GetGrain<IDaoGrain>(dao).ChangeCommittee(verified.Signer, member, message.Granted));
    }

    private static void RequireSameDao(string signed, string route)
    {
        if (!string.Equals(signed, route, StringComparison.Ordinal))
            throw new ApiProblemException(ErrorCodes.DaoMismatch, $"The message is signed for DAO '{signed}' but was sent to '{route}'.");
    }
}
