using System.Net;
using System.Text.Json;
using Blocktrack.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// Live tallies fan out: every connection to a proposal reads the Gateway's one feed of it, all of them see the final
/// tally, the feed ends with its last connection, and a watch the proposal lost is renewed.
/// </summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class LiveTallyFanOutTests(GatewayFixture gateway)
{
    private const int Connections = 40;

    private ProposalFeedHub Hub => gateway.Services.GetRequiredService<ProposalFeedHub>();

    [Fact]
    public async Task Many_connections_share_one_feed_and_every_one_sees_the_final_tally()
    {
        var id = await gateway.Scenario.ProposeActive();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var streams = new List<Stream>();
        try
        {
            for (var i = 0; i < Connections; i++) streams.Add(await Open(id, timeout.Token));
            Assert.Equal(Connections, Hub.Feed(id)?.Connections);

            foreach (var voter in ApiScenario.Balances.Keys) await Vote(id, voter);
            var expected = ApiScenario.Balances.Values.Sum().ToString();

            // Each connection's tally events end at the final one, whatever intermediate ones it skipped.
            await Task.WhenAll(streams.Select(async s =>
            {
                var tally = await TallyOf(new SseReader(s), ApiScenario.Balances.Count, timeout.Token);
                Assert.Equal(expected, tally.Str("for"));
            }));
        }
        finally
        {
            foreach (var s in streams) await s.DisposeAsync();
        }
        await Eventually.Until(() => Task.FromResult(Hub.Feed(id)), feed => feed is null, what: "the feed to stop with its last connection");
    }

    [Fact]
    public async Task A_watch_the_proposal_dropped_is_renewed_and_the_tally_still_arrives()
    {
        var id = await gateway.Scenario.ProposeActive();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var stream = await Open(id, timeout.Token);
        var feed = await Eventually.Until(() => Task.FromResult(Hub.Feed(id)), f => f is { Renewals: > 0 }, what: "the first watch");

        // As when the silo holding the proposal dies: its new activation knows no watchers, so nothing is pushed.
        var grains = gateway.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IProposalGrain>(id).Unwatch(feed!.Watcher!);
        var renewals = feed.Renewals;
        await Vote(id, TestKey.Bob);

        var tally = await TallyOf(new SseReader(stream), 1, timeout.Token);
        Assert.Equal("250", tally.Str("for"));
        Assert.True(feed.Renewals > renewals, "the tally came with a renewed watch");
    }

    private async Task<Stream> Open(string id, CancellationToken cancellationToken)
    {
        var response = await gateway.Http.GetAsync($"/proposals/{id}/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }

    /// <summary>The first tally event counting <paramref name="voters"/> voters (the stream starts with the empty one).</summary>
    private static async Task<JsonElement> TallyOf(SseReader events, int voters, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (type, data) = await events.Next(cancellationToken);
            var tally = JsonDocument.Parse(data).RootElement;
            if (type == "tally" && tally.GetProperty("voters").GetInt32() >= voters) return tally;
        }
    }

    private async Task Vote(string id, TestKey voter)
    {
        var ballot = TypedDataSigner.Envelope(voter, "Ballot", Messages.Ballot(voter, id, 1, gateway.Now));
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.PostAsync($"/proposals/{id}/ballots", Json.Content(ballot))).StatusCode);
    }
}
