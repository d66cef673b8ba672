using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Blocktrack.Gateway;

/// <summary>Signed actions on a proposal: voting, the proposer's cancel, a guardian's veto.</summary>
public static class ProposalActionEndpoints
{
    public static void MapProposalActionEndpoints(this IEndpointRouteBuilder app)
    {
        var proposals = app.MapGroup("/proposals").WithTags(ProposalEndpoints.Tag);
        proposals.MapProposal("POST", "/ballots", CastBallot).WithName("CastBallot")
            .WithSummary("Cast a signed Ballot; 200 with the receipt once the ballot is durable")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413);
        proposals.MapProposal("POST", "/choice-ballots", CastChoiceBallot).WithName("CastChoiceBallot")
            .WithSummary("Cast a signed ChoiceBallot in a choice class; 200 with the receipt once the ballot is durable")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413);
        proposals.MapProposal("POST", "/cancel", Cancel).WithName("Cancel")
            .WithSummary("The proposer withdraws a pending proposal (signed Cancel)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        proposals.MapProposal("POST", "/veto", Veto).WithName("Veto")
            .WithSummary("A guardian vetoes a queued proposal (signed Veto)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<Ok<BallotReceipt>> CastBallot(ProposalId id, Signed<BallotMessage> ballot, BallotRouter router) =>
        TypedResults.Ok(FirstTime(await router.Cast(id.Value, BallotMessage.Request(ballot)), ballot.Digest));

    private static async Task<Ok<BallotReceipt>> CastChoiceBallot(ProposalId id, Signed<ChoiceBallotMessage> ballot, BallotRouter router) =>
        TypedResults.Ok(FirstTime(await router.Cast(id.Value, ChoiceBallotMessage.Request(ballot)), ballot.Digest));

    /// <summary>The ballot log is the replay guard for ballots (see GuardedByBallotLog): the same digest again is refused.</summary>
    internal static BallotReceipt FirstTime(BallotReceipt receipt, string digest) => receipt.Duplicate
        ? throw new ApiProblemException(ErrorCodes.Replayed, $"This signed ballot ({digest}) was already counted; the tally is unchanged.")
        : receipt;

    private static async Task<Ok<ProposalInfo>> Cancel(ProposalId id, Signed<CancelMessage> cancel, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Proposal(id).Cancel(cancel.Signer));

    private static async Task<Ok<ProposalInfo>> Veto(ProposalId id, Signed<VetoMessage> veto, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Proposal(id).Veto(veto.Signer, veto.Message.Reason));
}
