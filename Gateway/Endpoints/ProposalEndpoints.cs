using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>Reading proposals (with ballot proofs and snapshot power), and the unsigned execute anyone may trigger.</summary>
public static class ProposalEndpoints
{
    public const string Tag = "Proposals";

    public static void MapProposalEndpoints(this IEndpointRouteBuilder app)
    {
        var proposals = app.MapGroup("/proposals").WithTags(Tag);
        proposals.MapProposal("GET", "", GetProposal).WithName("GetProposal")
            .WithSummary("A proposal: lifecycle state, deadlines, tally, actions").ProducesProblem(404);
        proposals.MapProposal("GET", "/tally", GetTally).WithName("GetTally")
            .WithSummary("The live tally").ProducesProblem(404);
        proposals.MapProposal("GET", "/ballots", ListBallots).WithName("ListBallots")
            .WithSummary("A page of ballots, one per voter, by voter address; ?offset=0&limit=50 (limit ≤ 200)")
            .ProducesProblem(400).ProducesProblem(404);
        proposals.MapProposal("GET", "/ballots/{address}/proof", GetBallotProof).WithName("GetBallotProof")
            .WithSummary("Once voting has closed: the voter's ballot, its Merkle path to its shard's root, every shard root and "
                         + "the ballot-set hash (OpenZeppelin MerkleProof convention)")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        proposals.MapProposal("GET", "/power/{address}", GetVotingPower).WithName("GetVotingPower")
            .WithSummary("The voter's power at the proposal's snapshot from the class's power source, and a ballot's weight")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        proposals.MapProposal("POST", "/execute", Execute).WithName("Execute")
            .WithSummary("Execute a queued proposal whose eta has passed (no signature: anyone may trigger it)")
            .ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<Ok<ProposalInfo>> GetProposal(ProposalId id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Proposal(id).GetInfo());

    private static async Task<Ok<Tally>> GetTally(ProposalId id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Proposal(id).GetTally());

    private static async Task<Ok<BallotPage>> ListBallots(
        ProposalId id, [FromQuery] string? include, [AsParameters] PageQuery page, IGrainFactory grains)
    {
        var (offset, limit) = (page.Skip, page.Take);
        var ballots = await grains.Proposal(id).GetBallots(offset, limit);
        if (Query.IncludeHidden(include)) return TypedResults.Ok(new BallotPage(ballots, offset, limit));
        // A hidden reason is withheld from the listing; the ballot itself stays, counted and provable.
        var hidden = (await grains.GetGrain<IDaoGrain>(id.Dao).HiddenReasons(id.Value)).ToHashSet(StringComparer.Ordinal);
        var shown = ballots.Select(b => hidden.Contains(b.Voter) ? b with { Reason = "" } : b);
        return TypedResults.Ok(new BallotPage([.. shown], offset, limit) { Hidden = [.. ballots.Select(b => b.Voter).Where(hidden.Contains)] });
    }

    private static async Task<Ok<BallotProof>> GetBallotProof(ProposalId id, Address voter, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Proposal(id).GetBallotProof(voter.Value));

    private static async Task<Ok<VoterPower>> GetVotingPower(ProposalId id, Address voter, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Proposal(id).GetVotingPower(voter.Value));

    private static async Task<Ok<ProposalInfo>> Execute(ProposalId id, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Proposal(id).Execute());
}
