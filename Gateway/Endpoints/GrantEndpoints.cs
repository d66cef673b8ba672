using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Blocktrack.Gateway;

/// <summary>
/// Grant programs, grants and milestones: read by anyone; applications signed by applicants, reviews and milestone reviews
/// by committee members, milestone submissions by grantees. Programs are opened (and decided on) by executed proposals.
/// </summary>
public static class GrantEndpoints
{
    public const string Tag = "Grants";

    private const string Program = "/programs/{program}";
    private const string Grant = Program + "/grants/{grant}";
    private const string Milestone = Grant + "/milestones/{milestone}";

    public static void MapGrantEndpoints(this IEndpointRouteBuilder app)
    {
        var daos = app.MapGroup("/daos").WithTags(Tag);
        daos.MapDao("GET", "/programs", ListPrograms).WithName("ListGrantPrograms")
            .WithSummary("The DAO's grant programs, newest first, with their budget ledgers (?offset=&limit=)")
            .ProducesProblem(400).ProducesProblem(404);
        daos.MapDao("GET", Program, GetProgram).WithName("GetGrantProgram")
            .WithSummary("A grant program: terms, budget ledger (budget = reserved + paid + returned + free), a page of its grants")
            .ProducesProblem(400).ProducesProblem(404);
        daos.MapDao("GET", Grant, GetGrant).WithName("GetGrant")
            .WithSummary("A grant: application, reviews, milestones with evidence, tranches and overdue flags, and its history")
            .ProducesProblem(400).ProducesProblem(404);
        daos.MapDao("POST", Program + "/applications", Apply).WithName("ApplyForGrant")
            .WithSummary("Submit a signed GrantApplication; 201 with the grant (pending until the committee decides)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        daos.MapDao("POST", Grant + "/reviews", Review).WithName("ReviewGrant")
            .WithSummary("A committee member approves, rejects or cancels a grant (signed GrantReview)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(422);
        daos.MapDao("POST", Milestone, Submit).WithName("SubmitMilestone")
            .WithSummary("The grantee submits a milestone with its evidence URL and hash (signed MilestoneSubmission)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        daos.MapDao("POST", Milestone + "/reviews", ReviewMilestone).WithName("ReviewMilestone")
            .WithSummary("A committee member approves or rejects a submitted milestone; enough approvals pay its tranche "
                + "(signed MilestoneReview)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(422).ProducesProblem(502);
        daos.MapDao("GET", "/sdg", GetSdg).WithName("GetSdgReport")
            .WithSummary("Per UN Sustainable Development Goal, in one period (?period=<n>, default now's): allocated, paid, grants, "
                + "proposals and their turnout, and the caps")
            .ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<Ok<GrantProgramPage>> ListPrograms(DaoPath path, [AsParameters] PageQuery page, IGrainFactory grains)
    {
        var count = (await grains.Dao(path).GetInfo()).GrantPrograms;
        var numbers = Enumerable.Range(0, (int)Math.Max(0, Math.Min(page.Take, count - page.Skip))).Select(i => count - page.Skip - i);
        var items = await Task.WhenAll(numbers.Select(n => Programs(grains, path, n).GetInfo(0, 0)));
        return TypedResults.Ok(new GrantProgramPage([.. items], count, page.Skip, page.Take));
    }

    private static async Task<Ok<GrantProgramInfo>> GetProgram(
        DaoPath path, GrantRoute route, [AsParameters] PageQuery page, IGrainFactory grains) =>
        TypedResults.Ok(await (await Existing(grains, path, route)).GetInfo(page.Skip, page.Take));

    private static async Task<Ok<GrantInfo>> GetGrant(DaoPath path, GrantRoute route, IGrainFactory grains)
    {
        await Existing(grains, path, route);
        return TypedResults.Ok(await Grants(grains, path, route).GetInfo());
    }

    private static async Task<Created<GrantInfo>> Apply(
        DaoPath path, GrantRoute route, Signed<GrantApplicationMessage> application, IGrainFactory grains)
    {
        var program = await Existing(grains, path, route);
        var grant = await program.Apply(application.Message.ToApplication(application.Signer, application.Digest));
        return TypedResults.Created($"/daos/{path.Value}/programs/{route.Program}/grants/{grant.Number}", grant);
    }

    private static async Task<Ok<GrantInfo>> Review(DaoPath path, GrantRoute route, Signed<GrantReviewMessage> review, IGrainFactory grains)
    {
        await Existing(grains, path, route);
        var m = review.Message;
        return TypedResults.Ok(await Grants(grains, path, route).Review(review.Signer, m.ParsedDecision, m.Reason, review.Digest));
    }

    private static async Task<Ok<GrantInfo>> Submit(
        DaoPath path, GrantRoute route, Signed<MilestoneSubmissionMessage> submission, IGrainFactory grains)
    {
        await Existing(grains, path, route);
        var m = submission.Message;
        return TypedResults.Ok(await Grants(grains, path, route)
            .Submit(submission.Signer, route.Milestone, m.Evidence, m.EvidenceHash, submission.Digest));
    }

    private static async Task<Ok<GrantInfo>> ReviewMilestone(
        DaoPath path, GrantRoute route, Signed<MilestoneReviewMessage> review, IGrainFactory grains)
    {
        await Existing(grains, path, route);
        var m = review.Message;
        return TypedResults.Ok(await Grants(grains, path, route)
            .ReviewMilestone(review.Signer, route.Milestone, m.Approved, m.Reason, review.Digest));
    }

    private static async Task<Ok<SdgReport>> GetSdg(DaoPath path, [FromQuery] string? period, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Dao(path).GetSdgReport(period is null ? null : Query.Long("period", period, 0)));

    /// <summary>The program, once the DAO is known to have it (404 dao-not-found, then program-not-found).</summary>
    private static async Task<IGrantProgramGrain> Existing(IGrainFactory grains, DaoPath path, GrantRoute route)
    {
        var count = (await grains.Dao(path).GetInfo()).GrantPrograms;
        if (route.Program > count)
            throw new ApiProblemException(ErrorCodes.ProgramNotFound, $"'{path.Value}' has no grant program {route.Program}.");
        if (route.Grant > 0 && route.Grant > (await Programs(grains, path, route.Program).GetInfo(0, 0)).GrantCount)
            throw new ApiProblemException(ErrorCodes.GrantNotFound,
                $"grant program {route.Program} of '{path.Value}' has no grant {route.Grant}.");
        return Programs(grains, path, route.Program);
    }

    private static IGrantProgramGrain Programs(IGrainFactory grains, DaoPath path, long n) =>
        grains.GetGrain<IGrantProgramGrain>(Names.ProgramKey(path.Value, n));

    private static IGrantGrain Grants(IGrainFactory grains, DaoPath path, GrantRoute route) =>
        grains.GetGrain<IGrantGrain>(Names.GrantKey(path.Value, route.Program, route.Grant));
}

/// <summary>A page of a DAO's grant programs, newest first.</summary>
public sealed record GrantProgramPage(IReadOnlyList<GrantProgramInfo> Items, long Total, int Offset, int Limit);
