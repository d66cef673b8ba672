using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>Voters: position, past votes, ballots across proposals, vote-escrow power, and signed delegation.</summary>
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
        voters.MapGet("/ballots", ListVoterBallots).WithName("ListVoterBallots")
            .WithSummary("The address's ballots on closed proposals of a DAO and the DAOs below it, newest first "
                + "(?dao=<path>&offset=0&limit=50, limit ≤ 200); a proposal is listed once its ballots are sealed and indexed")
            .ProducesProblem(400).ProducesProblem(404);
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

    /// <summary>
    /// The index names the proposals (kept by the DAO's analytics when it read their sealed shards, so a ballot costs the
    /// voting path nothing); each ballot is then read from its sealed shard, the one record of it, and its reason withheld
    /// when a moderator hid it.
    /// </summary>
    private static async Task<Ok<VoterBallotPage>> ListVoterBallots(
        Address voter, [FromQuery] string? dao, [AsParameters] PageQuery page, IGrainFactory grains)
    {
        var path = Query.Dao("dao", dao);
        var (offset, limit) = (page.Skip, page.Take);
        await grains.GetGrain<IDaoGrain>(path).GetInfo(); // 404 dao-not-found for an unknown DAO
        var voted = await grains.GetGrain<IDelegateActivityGrain>(Names.ParticipantKey(path, voter.Value)).GetVotedProposals(offset, limit);
        var ballots = await Task.WhenAll(voted.Items.Select(v => BallotOn(v, voter.Value, grains)));
        return TypedResults.Ok(new VoterBallotPage(voter.Value, path, [.. ballots.OfType<VoterBallot>()], voted.Total, offset, limit));
    }

    private static async Task<VoterBallot?> BallotOn(VotedProposal voted, string voter, IGrainFactory grains)
    {
        var dao = Names.TryParseProposalId(voted.Proposal, out var owner, out _) ? owner : "";
        var found = grains.Shard(voted.Proposal, voter, voted.Shards).GetBallotsOf([voter]);
        var hidden = grains.GetGrain<IDaoGrain>(dao).HiddenReasons(voted.Proposal);
        if ((await found) is not [var b, ..]) return null;
        var withheld = (await hidden).Contains(voter, StringComparer.Ordinal);
        return new VoterBallot(voted.Proposal, dao, voted.ClosedAt, b.Support, b.Choices, b.Weights, b.Weight, b.Power,
            withheld ? "" : b.Reason, withheld, b.Timestamp, b.RecordedAt);
    }

    private static async Task<Ok<VoterInfo>> Delegate(Address voter, Signed<DelegationMessage> delegation, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Voter(voter).Delegate(delegation.Message.Token, delegation.Message.DelegateeOrNull));

    private static string TokenOrDefault(string? token) => string.IsNullOrEmpty(token) ? DefaultToken : token;
}
