using System.Net;
using System.Text.Json;

namespace Blocktrack.Gateway.Tests;

/// <summary>DAO paths of any depth on one route per endpoint, the page parameters, and signed messages' binding order.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class RoutingTests(GatewayFixture gateway)
{
    [Fact]
    public async Task The_openapi_document_lists_each_endpoint_once_with_its_path_parameters()
    {
        var paths = (await Json.Read(await gateway.Http.GetAsync("/openapi/v1.json"))).GetProperty("paths");

        var operations = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name, Operation: op.Value)))
            .ToList();
        Assert.DoesNotContain(operations, o => o.Path.Contains("{d0}", StringComparison.Ordinal));
        Assert.Equal(operations.Count, operations.Select(o => o.Operation.Str("operationId")).Distinct().Count());
        Assert.Equal(43, operations.Count(o => o.Path.StartsWith("/daos/{path}", StringComparison.Ordinal)
            || o.Path.StartsWith("/proposals/{path}/{seq}", StringComparison.Ordinal)));
        var ballots = paths.GetProperty("/proposals/{path}/{seq}/ballots").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => (p.Str("name"), p.Str("in"))).ToList();
        Assert.Equal([("path", "path"), ("seq", "path"), ("include", "query"), ("offset", "query"), ("limit", "query")], ballots);
        // A route value inside the trailing words is declared where the template names it.
        var proof = paths.GetProperty("/proposals/{path}/{seq}/ballots/{address}/proof").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => (p.Str("name"), p.Str("in"))).ToList();
        Assert.Equal([("path", "path"), ("seq", "path"), ("address", "path")], proof);
        Assert.Equal(8, operations.Count(o => o.Path.StartsWith("/voters/{address}", StringComparison.Ordinal)));
        var voterBallots = paths.GetProperty("/voters/{address}/ballots").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => (p.Str("name"), p.Str("in"))).ToList();
        Assert.Equal([("address", "path"), ("dao", "query"), ("offset", "query"), ("limit", "query")], voterBallots);
        var limit = paths.GetProperty("/daos/{path}/proposals").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.Str("name") == "limit");
        Assert.Equal("integer", limit.GetProperty("schema").Str("type"));
    }

    [Theory]
    [InlineData("/daos/blocktrack/a/proposals", "blocktrack/a")]
    [InlineData("/daos/blocktrack/a/b/c/constitution/history", "blocktrack/a/b/c")]
    [InlineData("/daos/blocktrack/a/b/treasury", "blocktrack/a/b")]
    public async Task A_deep_dao_path_reaches_its_dao(string url, string dao)
    {
        var problem = await ProblemAssert.Is(await gateway.Http.GetAsync(url), HttpStatusCode.NotFound, "dao-not-found");

        Assert.Contains($"'{dao}'", problem.Str("detail"));
        Assert.Equal(url, problem.Str("instance"));
    }

    [Fact]
    public async Task A_deep_proposal_id_reaches_its_proposal()
    {
        var problem = await ProblemAssert.Is(await gateway.Http.GetAsync("/proposals/blocktrack/a/b/c/7/tally"),
            HttpStatusCode.NotFound, "proposal-not-found");

        Assert.Contains("blocktrack/a/b/c/7", problem.Str("detail"));
    }

    [Theory]
    [InlineData("/daos/a/b/c/d/e")]
    [InlineData("/proposals/blocktrack/x/ballots")]
    public async Task A_path_no_endpoint_accepts_is_not_found(string url)
    {
        await ProblemAssert.Is(await gateway.Http.GetAsync(url), HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("/daos/a/b/proposals/x", "invalid-dao-path")]
    [InlineData("/proposals/Blocktrack/1", "invalid-dao-path")]
    [InlineData("/proposals/blocktrack/-1", "proposal-not-found")]
    public async Task A_malformed_path_segment_is_refused_with_its_code(string url, string code)
    {
        var status = code == "invalid-dao-path" ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound;

        await ProblemAssert.Is(await gateway.Http.GetAsync(url), status, code);
    }

    [Theory]
    [InlineData("POST", "/daos/blocktrack", "GET")]
    [InlineData("DELETE", "/proposals/blocktrack/1/ballots", "GET, POST")]
    [InlineData("DELETE", "/daos", "GET, POST")]
    public async Task A_known_path_with_another_method_is_method_not_allowed(string method, string url, string allow)
    {
        var response = await gateway.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        await ProblemAssert.Is(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("/daos/blocktrack/proposals?offset=abc", "offset")]
    [InlineData("/daos/blocktrack/proposals?offset=-1", "offset")]
    [InlineData("/daos/blocktrack/proposals?limit=0", "limit")]
    [InlineData("/daos/blocktrack/proposals?limit=%2B5", "limit")]
    [InlineData("/proposals/blocktrack/1/ballots?limit=201", "limit")]
    [InlineData("/proposals/blocktrack/1/ballots?offset=1.5", "offset")]
    public async Task A_bad_offset_or_limit_is_invalid_argument_naming_it(string url, string parameter)
    {
        var problem = await ProblemAssert.Is(await gateway.Http.GetAsync(url), HttpStatusCode.BadRequest, "invalid-argument");

        Assert.StartsWith($"Query parameter '{parameter}' must be an integer from ", problem.Str("detail"));
    }

    [Fact]
    public async Task A_page_echoes_the_offset_and_limit_it_was_asked_for()
    {
        var id = await gateway.Scenario.ProposeActive();

        var page = await Json.Read(await gateway.Http.GetAsync($"/proposals/{id}/ballots?offset=3&limit=7"));

        Assert.Equal(3, page.GetProperty("offset").GetInt32());
        Assert.Equal(7, page.GetProperty("limit").GetInt32());
        Assert.Equal(JsonValueKind.Array, page.GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task A_message_sent_to_the_wrong_dao_is_not_used_up()
    {
        var body = TypedDataSigner.Envelope(TestKey.Carol, "Proposal",
            Messages.Proposal(TestKey.Carol, ApiScenario.Dao, "misdirected first", gateway.Now));
        var misdirected = await gateway.Http.PostAsync($"/daos/{ApiScenario.Dao}/grants/proposals", Json.Content(body));
        var delivered = await gateway.Http.PostAsync($"/daos/{ApiScenario.Dao}/proposals", Json.Content(body));

        await ProblemAssert.Is(misdirected, HttpStatusCode.BadRequest, "dao-mismatch");
        Assert.Equal(HttpStatusCode.Created, delivered.StatusCode);
    }

    [Fact]
    public async Task A_signed_request_for_a_deep_dao_is_checked_against_that_path()
    {
        const string dao = ApiScenario.Dao + "/grants/round";
        var body = TypedDataSigner.Envelope(TestKey.Carol, "Proposal", Messages.Proposal(TestKey.Carol, dao, "deep", gateway.Now));

        var response = await gateway.Http.PostAsync($"/daos/{dao}/proposals", Json.Content(body));

        await ProblemAssert.Is(response, HttpStatusCode.NotFound, "dao-not-found");
    }
}
