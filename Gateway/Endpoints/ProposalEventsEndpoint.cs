using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Blocktrack.Grains.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// Server-sent events of a proposal: <c>state</c> and <c>tally</c>, sent first as they are and then whenever they change.
/// Every connection to a proposal reads the Gateway's one feed of it (<see cref="ProposalFeedHub"/>), pushed by the
/// proposal grain, instead of polling the grain itself.
/// </summary>
public static class ProposalEventsEndpoint
{
    public const string StateEvent = "state";
    public const string TallyEvent = "tally";

    public static void MapProposalEventsEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGroup("/proposals").MapProposal("GET", "/events", Events).WithName("ProposalEvents").WithTags(ProposalEndpoints.Tag)
            .WithSummary("Server-sent events: 'state' and 'tally', current values first, then on every change")
            .Produces(200, contentType: "text/event-stream").ProducesProblem(404);

    private static async Task<ServerSentEventsResult<string>> Events(
        ProposalId id, IGrainFactory grains, ProposalFeedHub hub, IOptions<JsonOptions> json, CancellationToken aborted)
    {
        // A proposal already watched here is known to exist and its latest values are at hand; else the grain answers
        // before the stream starts, so an unknown proposal is still a proper 404 problem.
        var first = hub.Feed(id.Value)?.Latest ?? LiveUpdate.From(await grains.Proposal(id).GetInfo(), json.Value.SerializerOptions);
        return TypedResults.ServerSentEvents(Stream(hub, id.Value, first, aborted));
    }

    /// <summary>The first values, then each update of the proposal's one feed that differs from what this connection sent.</summary>
    private static async IAsyncEnumerable<SseItem<string>> Stream(
        ProposalFeedHub hub, string proposalId, LiveUpdate first, [EnumeratorCancellation] CancellationToken aborted)
    {
        using var subscription = hub.Subscribe(proposalId);
        var (state, tally) = (first.StateJson, first.TallyJson);
        yield return new SseItem<string>(state, StateEvent);
        yield return new SseItem<string>(tally, TallyEvent);
        while (await Next(subscription.Updates, aborted) is { } update)
        {
            if (update.StateJson != state) yield return new SseItem<string>(state = update.StateJson, StateEvent);
            if (update.TallyJson != tally) yield return new SseItem<string>(tally = update.TallyJson, TallyEvent);
        }
    }

    private static async Task<LiveUpdate?> Next(ChannelReader<LiveUpdate> updates, CancellationToken aborted)
    {
        try
        {
            return await updates.ReadAsync(aborted);
        }
        catch (OperationCanceledException)
        {
            return null; // the client disconnected
        }
    }
}
