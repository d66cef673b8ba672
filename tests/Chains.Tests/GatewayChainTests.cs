using System.Net;
using System.Text.Json;
using Blocktrack.Grains.Interfaces;
using static Blocktrack.Chains.Tests.GatewayAnswers;

namespace Blocktrack.Chains.Tests;

/// <summary>The Gateway's chain endpoints and readiness over real chains, one of them down until the test starts its node.</summary>
[Collection(ChainsCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class GatewayChainTests(ChainsFixture f) : IAsyncLifetime
{
    // The Gateway's own cluster mirrors both chains from genesis, whatever the other tests put on them first.
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(90);

    private readonly GatewayOverChains _gateway = new(f);

    private HttpClient Http => _gateway.Http;

    public Task InitializeAsync() => _gateway.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private static bool DeadChainFailed(JsonElement chains) => chains.EnumerateArray()
        .Any(c => c.GetProperty("chainId").GetInt64() == GatewayOverChains.DeadChainId
            && !string.IsNullOrEmpty(c.GetProperty("watcher").GetProperty("lastError").GetString()));

    [Fact]
    public async Task Chains_report_their_watchers_and_readiness_waits_for_every_chain()
    {
        // Both live chains caught up, and the dead one's first poll over: its RPC client retries a refused connection
        // with backoff, so that poll may still be under way when the live chains are already healthy.
        var chains = await Eventually.Until(async () => await Json(await Http.GetAsync("/chains")),
            c => c.EnumerateArray().Count(x => x.GetProperty("healthy").GetBoolean()) == 2 && DeadChainFailed(c), CatchUp,
            "both live chains healthy and the dead one's first poll failed");
        Assert.Equal([ChainsFixture.L3, ChainsFixture.Side, GatewayOverChains.DeadChainId], chains.EnumerateArray().Select(c => c.GetProperty("chainId").GetInt64()));
        var dead = chains[2];
        Assert.False(dead.GetProperty("healthy").GetBoolean());
        Assert.False(string.IsNullOrEmpty(dead.GetProperty("watcher").GetProperty("lastError").GetString()));

        var l3 = await Json(await Http.GetAsync($"/chains/{ChainsFixture.L3}"));
        Assert.Equal("l3", l3.GetProperty("name").GetString());
        Assert.Equal($"http://127.0.0.1:{f.A.Port}", l3.GetProperty("endpoint").GetString());
        Assert.Equal(f.A.Governor.Address, l3.GetProperty("governors")[0].GetProperty("address").GetString());
        Assert.Equal("onchain/l3", l3.GetProperty("governors")[0].GetProperty("dao").GetString());
        Assert.Equal($"btk@{ChainsFixture.L3}", l3.GetProperty("tokens")[0].GetProperty("token").GetString());
        var watcher = l3.GetProperty("watcher");
        foreach (var field in new[] { "head", "cursor", "lagBlocks", "lagSeconds", "logsApplied", "reorgs" })
            Assert.True(watcher.TryGetProperty(field, out _), field);

        await Problem(await Http.GetAsync("/chains/999999"), HttpStatusCode.NotFound, "chain-not-found");
        await Problem(await Http.GetAsync("/chains/l3"), HttpStatusCode.BadRequest, "invalid-argument");

        // One chain down: not ready, and the problem says which chain and why.
        var notReady = await Http.GetAsync("/readyz");
        var problem = await Problem(notReady, HttpStatusCode.ServiceUnavailable, "chain-unhealthy");
        Assert.Contains($"chain {GatewayOverChains.DeadChainId} (dead)", problem.GetProperty("detail").GetString());
        Assert.Contains(problem.GetProperty("chains").EnumerateArray(), c => c.GetProperty("chainId").GetInt64() == GatewayOverChains.DeadChainId && !c.GetProperty("healthy").GetBoolean());
        Assert.NotNull(notReady.Headers.RetryAfter);

        // Its node comes up: the watcher recovers (asked to poll now rather than after its backoff), and the Gateway is ready.
        await using var node = await HardhatNode.StartAsync(GatewayOverChains.DeadChainId, _gateway.DeadChainPort, TimeSpan.FromSeconds(30), TestChain.HardhatConfig);
        await _gateway.Grains.GetGrain<IChainWatcherGrain>(GatewayOverChains.DeadChainId).Poll();
        var ready = await Eventually.Until(() => Http.GetAsync("/readyz"), r => r.StatusCode == HttpStatusCode.OK, what: "ready");
        var body = await Json(ready);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal(3, body.GetProperty("chains").GetArrayLength());
    }

    [Fact]
    public async Task Mirrored_governor_proposals_are_served_with_their_tallies()
    {
        var scenario = new GovernorScenario(f.A);
        await scenario.Propose("Mirrored through the Gateway");
        await scenario.Vote();
        var head = await f.A.Dev.BlockNumberAsync();
        var governor = $"/chains/{ChainsFixture.L3}/governors/{f.A.Governor.Address}";
        await Eventually.Until(async () => await Json(await Http.GetAsync(governor)), g => g.GetProperty("syncedBlock").GetInt64() >= head,
            CatchUp, "the Gateway's cluster mirrored the vote");

        var page = await Json(await Http.GetAsync($"{governor}/proposals?state=active&limit=200"));
        var listed = Assert.Single(page.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetString() == scenario.Id);
        Assert.Equal("active", listed.GetProperty("state").GetString());

        var proposal = await Json(await Http.GetAsync($"{governor}/proposals/{scenario.Id}"));
        Assert.Equal("Mirrored through the Gateway", proposal.GetProperty("title").GetString());
        Assert.Equal("onchain/l3", proposal.GetProperty("dao").GetString());
        var tally = proposal.GetProperty("tally");
        Assert.Equal((600 * GovernorScenario.Token).ToString(), tally.GetProperty("for").GetString());
        Assert.Equal((250 * GovernorScenario.Token).ToString(), tally.GetProperty("against").GetString());
        Assert.Equal((100 * GovernorScenario.Token).ToString(), tally.GetProperty("abstain").GetString());
        Assert.Equal(await scenario.Snapshot(), proposal.GetProperty("voteStart").GetInt64());

        // Checksummed addresses work; bad ids, unknown proposals and unknown governors are problems.
        var checksummed = $"/chains/{ChainsFixture.L3}/governors/{Blocktrack.Chain.EthAddress.ToChecksum(f.A.Governor.Address)}/proposals/{scenario.Id}";
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(checksummed)).StatusCode);
        await Problem(await Http.GetAsync($"{governor}/proposals/12x"), HttpStatusCode.BadRequest, "invalid-argument");
        await Problem(await Http.GetAsync($"{governor}/proposals/{new string('9', 79)}"), HttpStatusCode.BadRequest, "invalid-argument");
        await Problem(await Http.GetAsync($"{governor}/proposals/1"), HttpStatusCode.NotFound, "proposal-not-found");
        await Problem(await Http.GetAsync($"{governor}/proposals?state=sideways"), HttpStatusCode.BadRequest, "invalid-argument");
        await Problem(await Http.GetAsync($"/chains/{ChainsFixture.L3}/governors/{f.A.Btk.Address}/proposals"), HttpStatusCode.NotFound, "governor-not-found");
        await Problem(await Http.GetAsync($"/chains/{ChainsFixture.L3}/governors/0x1234/proposals"), HttpStatusCode.BadRequest, "invalid-address");
    }
}
