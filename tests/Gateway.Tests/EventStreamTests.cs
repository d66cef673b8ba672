using System.Net;
using System.Text.Json;

namespace Blocktrack.Gateway.Tests;

/// <summary>The server-sent event stream of a proposal.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class EventStreamTests(GatewayFixture gateway)
{
    [Fact]
    public async Task The_stream_sends_state_and_tally_first_and_a_tally_event_after_a_ballot()
    {
        var id = await gateway.Scenario.ProposeActive();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await gateway.Http.GetAsync($"/proposals/{id}/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var (firstType, firstData) = await events.Next(timeout.Token);
        Assert.Equal("state", firstType);
        Assert.Equal("active", JsonDocument.Parse(firstData).RootElement.Str("state"));
        var (secondType, secondData) = await events.Next(timeout.Token);
        Assert.Equal("tally", secondType);
        Assert.Equal("0", JsonDocument.Parse(secondData).RootElement.Str("for"));

        var ballot = TypedDataSigner.Envelope(TestKey.Bob, "Ballot", Messages.Ballot(TestKey.Bob, id, 1, gateway.Now));
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.PostAsync($"/proposals/{id}/ballots", Json.Content(ballot))).StatusCode);

        var (type, data) = await events.Next(timeout.Token);
        Assert.Equal("tally", type);
        var tally = JsonDocument.Parse(data).RootElement;
        Assert.Equal("250", tally.Str("for"));
        Assert.Equal(1, tally.GetProperty("voters").GetInt32());
    }

    [Fact]
    public async Task The_stream_of_an_unknown_proposal_is_proposal_not_found()
    {
        var response = await gateway.Http.GetAsync($"/proposals/{ApiScenario.Dao}/424242/events");

        await ProblemAssert.Is(response, HttpStatusCode.NotFound, "proposal-not-found");
    }
}
