using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>The participation economy, read only: an address's points, rewards and badges; a DAO's programme and epochs.</summary>
public static class ParticipationEndpoints
{
    public const string Tag = "Participation";

    public static void MapParticipationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/voters/{address}").WithTags(Tag, VoterEndpoints.Tag).MapGet("/participation", GetParticipation)
            .WithName("GetParticipation")
            .WithSummary("The address's participation in a DAO (?dao=<path>&at=<unix seconds>): points per epoch, rewards, badges, "
                + "reputation")
            .ProducesProblem(400).ProducesProblem(404);
        var daos = app.MapGroup("/daos").WithTags(Tag);
        daos.MapDao("GET", "/rewards", GetRewards).WithName("GetRewards")
            .WithSummary("The DAO's participation programme, current reward epoch, rewards budgets and ledger progress")
            .ProducesProblem(404);
        daos.MapDao("GET", "/rewards/epochs/{epoch}", GetEpoch).WithName("GetRewardEpoch")
            .WithSummary("A reward epoch: points, budget drawn, a page of the allocation (?offset=&limit=), settlements, "
                + "payment transactions")
            .ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Ok<ParticipationView>> GetParticipation(
        Address voter, [FromQuery] string? dao, [FromQuery] string? at, IGrainFactory grains, TimeProvider time)
    {
        var path = Query.Dao("dao", dao);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var timepoint = Query.Long("at", at, now);
        await grains.GetGrain<IDaoGrain>(path).GetInfo(); // 404 dao-not-found for an unknown DAO
        var info = await grains.GetGrain<IParticipantGrain>(Names.ParticipantKey(path, voter.Value)).GetInfo();
        var reputation = grains.GetGrain<IReputationGrain>(voter.Value);
        return TypedResults.Ok(new ParticipationView(path, voter.Value, info.Ballots, info.ProposalsPassed, info.ModerationsUpheld,
            info.TotalPoints, info.Epochs, info.Rewards, info.Badges, await reputation.GetReputation(path, now), timepoint,
            await reputation.GetReputation(path, timepoint)));
    }

    private static async Task<Ok<RewardsView>> GetRewards(DaoPath path, IGrainFactory grains, TimeProvider time)
    {
        var info = await grains.Dao(path).GetInfo();
        var programme = info.Constitution.Participation;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var ledger = await grains.GetGrain<IParticipationGrain>(path.Value).GetStatus();
        return TypedResults.Ok(new RewardsView(path.Value, programme,
            programme is null ? null : ParticipationRules.EpochAt(now, programme.EpochSeconds), info.RewardBudgets, ledger));
    }

    private static async Task<Ok<RewardEpochInfo>> GetEpoch(
        DaoPath path, EpochNumber epoch, [AsParameters] PageQuery page, IGrainFactory grains)
    {
        await grains.Dao(path).GetInfo();
        var key = Names.EpochKey(path.Value, epoch.Value);
        return TypedResults.Ok(await grains.GetGrain<IRewardEpochGrain>(key).GetInfo(page.Skip, page.Take));
    }
}
