using System.Net;
using System.Text.Json;

namespace Blocktrack.Gateway.Tests;

/// <summary>Health, readiness, metrics, OpenAPI, the signing schema, and unknown routes.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class SystemEndpointTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_and_readiness_are_ok(string path)
    {
        var response = await gateway.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Freshness_checks_use_the_injected_clock()
    {
        Assert.Same(gateway.Clock, gateway.Services.GetService(typeof(TimeProvider)));
    }

    [Fact]
    public async Task Metrics_are_served_as_prometheus_text()
    {
        await gateway.Http.GetAsync("/healthz");

        var response = await gateway.Http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE ", text);
        Assert.Contains("http_server_request_duration_seconds", text);
    }

    [Fact]
    public async Task Another_gateway_stopping_in_the_same_process_leaves_these_metrics()
    {
        // A second host's same-named instruments used to share this Gateway's metric streams, and took them down with it.
        var other = GatewayFixture.Bare(new Dictionary<string, string?>());
        await other.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync("/healthz")).StatusCode);
        await other.DisposeAsync();
        await gateway.Http.GetAsync("/healthz");

        // A stream whose instrument stopped is exported once more and then gone: read twice, past the scrape cache (300 ms).
        await gateway.Http.GetStringAsync("/metrics");
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        var text = await gateway.Http.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.Contains("orleans_", text);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_ballot_route()
    {
        var response = await gateway.Http.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await Json.Read(response)).GetProperty("paths");
        Assert.True(paths.GetProperty("/proposals/{path}/{seq}/ballots").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/daos/{path}/proposals").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task The_docs_ui_is_served()
    {
        var response = await gateway.Http.GetAsync("/docs/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_signing_schema_names_the_domain_and_the_ballot_type()
    {
        var schema = await Json.Read(await gateway.Http.GetAsync("/eip712"));

        var domain = schema.GetProperty("domain");
        Assert.Equal("Blocktrack Governance", domain.Str("name"));
        Assert.Equal("1", domain.Str("version"));
        Assert.Equal(GatewayFixture.ChainId, domain.GetProperty("chainId").GetInt64());
        var ballot = schema.GetProperty("types").GetProperty("Ballot").EnumerateArray().Select(f => $"{f.Str("type")} {f.Str("name")}");
        Assert.Equal("address voter,string proposal,uint8 support,string reason,uint64 timestamp", string.Join(",", ballot));
    }

    [Theory]
    [InlineData("/nothing-here")]
    [InlineData("/daos/blocktrack/proposals/extra/words/too/deep/x")]
    public async Task An_unknown_route_is_a_not_found_problem(string path)
    {
        await ProblemAssert.Is(await gateway.Http.GetAsync(path), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_unknown_dao_is_dao_not_found()
    {
        await ProblemAssert.Is(await gateway.Http.GetAsync("/daos/nobody/grants"), HttpStatusCode.NotFound, "dao-not-found");
    }

    [Fact]
    public async Task A_bad_page_size_is_invalid_argument()
    {
        var response = await gateway.Http.GetAsync($"/daos/{ApiScenario.Dao}/proposals?limit=201");

        var problem = await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "invalid-argument");
        Assert.Contains("limit", problem.Str("detail"));
    }

    [Fact]
    public async Task The_proposal_index_filters_by_state()
    {
        var id = await gateway.Scenario.ProposeActive();

        var page = await Json.Read(await gateway.Http.GetAsync($"/daos/{ApiScenario.Dao}/proposals?state=active&limit=200"));

        Assert.Contains(page.GetProperty("items").EnumerateArray(), item => item.Str("id") == id);
        Assert.All(page.GetProperty("items").EnumerateArray(), item => Assert.Equal("active", item.Str("state")));
    }
}
