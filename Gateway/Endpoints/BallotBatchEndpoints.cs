using System.Text.Json;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// Many signed ballots in one request, for relayers: each entry is verified, admitted under its signer's rate limit and
/// cast exactly as if it had been sent alone to its proposal's <c>/ballots</c> (or <c>/choice-ballots</c>), and answered
/// on its own; one refused entry changes nothing for the others.
/// </summary>
public static partial class BallotBatchEndpoints
{
    /// <summary>Entries per batch; the body must also fit <c>Gateway:MaxRequestBodyBytes</c> (64 KiB: about 120 ballots).</summary>
    public const int MaxBallots = 100;

    public static void MapBallotBatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/ballot-batches", CastBatch).WithTags(ProposalEndpoints.Tag).WithName("CastBallotBatch")
            .WithSummary($"Cast up to {MaxBallots} signed ballots (Ballot or ChoiceBallot, any proposals); 200 with each entry's own answer")
            .Accepts<BallotBatchBody>("application/json")
            .WithMetadata(new EnableRateLimitingAttribute(EdgeLimits.SignedWritesPolicy))
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415).ProducesProblem(429);
    }

    private static async Task<Ok<BallotBatchResult>> CastBatch(
        HttpContext http, BallotRouter router, IOptions<JsonOptions> jsonOptions, ILogger<BallotBatchBody> logger)
    {
        var body = await JsonBody.ReadAsync<BallotBatchBody>(http);
        if (body.Ballots.IsDefaultOrEmpty || body.Ballots.Length > MaxBallots)
            throw new ApiProblemException(ErrorCodes.InvalidArgument,
                $"ballots must hold 1 to {MaxBallots} signed ballots, got {(body.Ballots.IsDefault ? 0 : body.Ballots.Length)}.");
        var json = jsonOptions.Value.SerializerOptions;
        var outcomes = await Task.WhenAll(body.Ballots.Select((entry, i) => Cast(http, router, json, entry, i, logger)));
        var counted = outcomes.Count(o => o.Status == StatusCodes.Status200OK);
        return TypedResults.Ok(new BallotBatchResult { Results = [.. outcomes], Counted = counted, Refused = outcomes.Length - counted });
    }

    private static async Task<BallotBatchOutcome> Cast(
        HttpContext http, BallotRouter router, JsonSerializerOptions json, BallotBatchEntry entry, int index, ILogger logger)
    {
        try
        {
            var receipt = entry.Type switch
            {
                _ when entry.Type == BallotMessage.TypeName => await CastOne<BallotMessage>(http, router, json, entry, m => m.Proposal, BallotMessage.Request),
                _ when entry.Type == ChoiceBallotMessage.TypeName => await CastOne<ChoiceBallotMessage>(
                    http, router, json, entry, m => m.Proposal, ChoiceBallotMessage.Request),
                _ => throw new ApiProblemException(ErrorCodes.InvalidArgument,
                    $"type must be '{BallotMessage.TypeName}' or '{ChoiceBallotMessage.TypeName}', got '{entry.Type}'."),
            };
            return new BallotBatchOutcome { Index = index, Status = StatusCodes.Status200OK, Receipt = receipt };
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            var problem = ExceptionProblems.TryMap(e);
            if (problem is null)
            {
                LogBug(logger, e, index);
                problem = Problems.Create(ErrorCodes.InternalError, "An unexpected error occurred; it has been logged.");
            }
            problem.Instance = $"/ballot-batches#{index}";
            return new BallotBatchOutcome { Index = index, Status = problem.Status!.Value, Problem = problem };
        }
    }

    private static async Task<BallotReceipt> CastOne<T>(HttpContext http, BallotRouter router, JsonSerializerOptions json,
        BallotBatchEntry entry, Func<T, string> proposalOf, Func<Signed<T>, BallotRequest> request)
        where T : class, ISignedMessage
    {
        T? message;
        try
        {
            message = entry.Message.Deserialize<T>(json);
        }
        catch (JsonException e)
        {
            throw new ApiProblemException(ErrorCodes.MalformedRequest, "message: " + e.Message);
        }
        var signed = Signed<T>.VerifyAndAdmit(http.RequestServices, new SignedRequest<T> { Message = message!, Signature = entry.Signature });
        var proposal = ProposalId.Parse(proposalOf(signed.Message));
        return ProposalActionEndpoints.FirstTime(await router.Cast(proposal.Value, request(signed)), signed.Digest);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error on entry {Index} of a ballot batch")]
    private static partial void LogBug(ILogger logger, Exception exception, int index);
}
