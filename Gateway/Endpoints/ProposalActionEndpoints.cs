using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blocktrack.Gateway;

/// <summary>Signed actions on a proposal: voting, the proposer's cancel, a guardian's veto.</summary>
public static class ProposalActionEndpoints
{
    public static void MapProposalActionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapProposalRoutes("POST", "/ballots", "CastBallot", CastBallot, b => b.WithTags(ProposalEndpoints.Tag)
            .WithSummary("Cast a signed Ballot; 200 with the receipt once the ballot is durable")
            .Accepts<SignedRequest<BallotMessage>>("application/json")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413));
        app.MapProposalRoutes("POST", "/cancel", "Cancel", Cancel, b => b.WithTags(ProposalEndpoints.Tag)
            .WithSummary("The proposer withdraws a pending proposal (signed Cancel)")
            .Accepts<SignedRequest<CancelMessage>>("application/json")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409));
        app.MapProposalRoutes("POST", "/veto", "Veto", Veto, b => b.WithTags(ProposalEndpoints.Tag)
            .WithSummary("A guardian vetoes a queued proposal (signed Veto)")
            .Accepts<SignedRequest<VetoMessage>>("application/json")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409));
    }

    private static async Task<Ok<BallotReceipt>> CastBallot(HttpContext http, BallotRouter router, SignatureVerifier verifier)
    {
        var id = ProposalId.FromRoute(http.Request);
        var verified = verifier.Verify(await JsonBody.ReadAsync<SignedRequest<BallotMessage>>(http));
        var message = verified.Message;
        RequireSameProposal(message.Proposal, id);
        // The voter's ballot shard is the replay guard for ballots: same digest → Duplicate; a replacement must be newer.
        var receipt = await router.Cast(id, new BallotRequest
        {
            Voter = verified.Signer,
            Support = (Support)message.Support,
            Reason = message.Reason,
            Timestamp = verified.Timestamp,
            Digest = verified.Digest,
            Signature = verified.Signature,
        });
        if (receipt.Duplicate)
            throw new ApiProblemException(ErrorCodes.Replayed, $"This signed ballot ({verified.Digest}) was already counted; the tally is unchanged.");
        return TypedResults.Ok(receipt);
    }

    private static async Task<Ok<ProposalInfo>> Cancel(HttpContext http, IGrainFactory grains, SignatureVerifier verifier)
    {
        var id = ProposalId.FromRoute(http.Request);
        var verified = verifier.Verify(await JsonBody.ReadAsync<SignedRequest<CancelMessage>>(http));
        RequireSameProposal(verified.Message.Proposal, id);
        await SignedMessages.Consume(grains, verifier, verified);
        return TypedResults.Ok(await grains.GetGrain<IProposalGrain>(id).Cancel(verified.Signer));
    }

    private static async Task<Ok<ProposalInfo>> Veto(HttpContext http, IGrainFactory grains, SignatureVerifier verifier)
    {
        var id = ProposalId.FromRoute(http.Request);
        var verified = verifier.Verify(await JsonBody.ReadAsync<SignedRequest<VetoMessage>>(http));
        RequireSameProposal(verified.Message.Proposal, id);
        await SignedMessages.Consume(grains, verifier, verified);
        return TypedResults.Ok(await grains.GetGrain<IProposalGrain>(id).Veto(verified.Signer, verified.Message.Reason));
    }

    private static void RequireSameProposal(string signed, string route)
    {
        if (!string.Equals(signed, route, StringComparison.Ordinal))
            throw new ApiProblemException(ErrorCodes.ProposalMismatch, $"The message is signed for proposal '{signed}' but was sent to '{route}'.");
    }
}
