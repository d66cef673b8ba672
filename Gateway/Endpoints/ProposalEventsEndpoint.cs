using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// Server-sent events of a proposal: <c>state</c> and <c>tally</c>, sent first as they are and then whenever they change.
/// </summary>
public static class ProposalEventsEndpoint
{
    public const string StateEvent = "state";
    public const string TallyEvent = "tally";

    /// <summary>How often each connection polls its proposal grain.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static void MapProposalEventsEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGroup("/proposals").MapProposal("GET", "/events", Events).WithName("ProposalEvents").WithTags(ProposalEndpoints.Tag)
            .WithSummary("Server-sent events: 'state' and 'tally', current values first, then on every change")
            .Produces(200, contentType: "text/event-stream").ProducesProblem(404);

    private static async Task<ServerSentEventsResult<string>> Events(
        ProposalId id, IGrainFactory grains, IOptions<JsonOptions> json, CancellationToken aborted)
    {
        var proposal = grains.Proposal(id);
        // Asked before the stream starts, so an unknown proposal is still a proper 404 problem.
        var info = await proposal.GetInfo();
        var tally = await proposal.GetTally();
        return TypedResults.ServerSentEvents(Stream(proposal, info, tally, json.Value.SerializerOptions, aborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> Stream(IProposalGrain proposal, ProposalInfo info, Tally tally,
        JsonSerializerOptions options, [EnumeratorCancellation] CancellationToken aborted)
    {
        var state = ProposalStateEvent.From(info);
        yield return Item(StateEvent, state, options);
        yield return Item(TallyEvent, tally, options);

        // Polling is infrastructure pacing, not governance time, so it runs on the real clock even when tests fake the other.
        using var timer = new PeriodicTimer(PollInterval, TimeProvider.System);
        while (await Tick(timer, aborted))
        {
            var next = await Poll(proposal);
            if (next is null)
                yield break; // cluster trouble: end the stream; EventSource clients reconnect by themselves
            var (nextState, nextTally) = next.Value;
            if (nextState != state)
                yield return Item(StateEvent, state = nextState, options);
            if (nextTally != tally)
                yield return Item(TallyEvent, tally = nextTally, options);
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken aborted)
    {
        try
        {
            return await timer.WaitForNextTickAsync(aborted);
        }
        catch (OperationCanceledException)
        {
            return false; // the client disconnected
        }
    }

    private static async Task<(ProposalStateEvent, Tally)?> Poll(IProposalGrain proposal)
    {
        try
        {
            return (ProposalStateEvent.From(await proposal.GetInfo()), await proposal.GetTally());
        }
        catch (Exception e) when (ExceptionProblems.IsClusterUnavailable(e))
        {
            return null;
        }
    }

    private static SseItem<string> Item<T>(string eventType, T data, JsonSerializerOptions options) =>
        new(JsonSerializer.Serialize(data, options), eventType);
}
