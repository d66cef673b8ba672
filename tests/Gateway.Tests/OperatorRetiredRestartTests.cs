using System.Net;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// Retired operator capabilities are state, not memory: on the embedded profile, after the Gateway and its silo restart
/// from the SQLite files, a retired DAO still refuses the operator's deposits and balance feed, and — a root DAO having
/// retired it — the cluster still refuses to found another root DAO.
/// </summary>
[Trait("Category", TestCategory.Storage)]
public sealed class OperatorRetiredRestartTests : IAsyncLifetime
{
    private const string Dao = "retired-for-good", Token = "retired-btk";
    private readonly EmbeddedGateway embedded = new();

    private GatewayFixture gateway => embedded.Gateway;

    public Task InitializeAsync() => embedded.InitializeAsync();

    public Task DisposeAsync() => embedded.DisposeAsync();

    private Task<HttpResponseMessage> Deposit(string reference) => gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post,
        $"/daos/{Dao}/deposits", new JsonObject { ["reference"] = reference, ["asset"] = "btk", ["amount"] = "5" }));

    private Task<HttpResponseMessage> Feed() => gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post,
        $"/voters/{TestKey.Mallory.Address}/balances",
        new JsonObject { ["token"] = Token, ["timepoint"] = gateway.Now - 1, ["balance"] = "9" }));

    private Task<HttpResponseMessage> FoundAnother(string path) => gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, "/daos",
        new JsonObject
        {
            ["path"] = path,
            ["request"] = new JsonObject { ["displayName"] = path, ["constitution"] = new JsonObject { ["classes"] = new JsonArray(ApiScenario.GeneralClass()) } },
        }));

    [Fact]
    public async Task A_retired_capability_stays_retired_across_a_restart()
    {
        var cls = ApiScenario.GeneralClass();
        cls["powerSource"] = new JsonObject { ["kind"] = "tokenVotes", ["token"] = Token };
        var founded = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, "/daos", new JsonObject
        {
            ["path"] = Dao,
            ["request"] = new JsonObject
            {
                ["displayName"] = Dao, ["roles"] = new JsonObject(), ["treasury"] = new JsonObject { ["btk"] = "100" },
                ["constitution"] = new JsonObject { ["classes"] = new JsonArray(cls), ["retiredOperatorCapabilities"] = "all" },
            },
        }));
        Assert.Equal(HttpStatusCode.Created, founded.StatusCode);
        await ProblemAssert.Is(await Deposit("before-restart"), HttpStatusCode.Forbidden, "operator-retired");
        await ProblemAssert.Is(await Feed(), HttpStatusCode.Forbidden, "operator-retired");
        var founding = await ProblemAssert.Is(await FoundAnother("before"), HttpStatusCode.Forbidden, "operator-retired");
        Assert.Contains($"'{Dao}' has retired founding root DAOs", founding.Str("detail"));

        await gateway.RestartAsync();

        await ProblemAssert.Is(await Deposit("after-restart"), HttpStatusCode.Forbidden, "operator-retired");
        await ProblemAssert.Is(await Feed(), HttpStatusCode.Forbidden, "operator-retired");
        await ProblemAssert.Is(await FoundAnother("after"), HttpStatusCode.Forbidden, "operator-retired");
        await ProblemAssert.Is(await gateway.Http.GetAsync("/daos/after"), HttpStatusCode.NotFound, "dao-not-found");
        var treasury = await Json.Read(await gateway.Http.GetAsync($"/daos/{Dao}/treasury"));
        Assert.Equal("100", treasury.GetProperty("balances").Str("btk"));
        var constitution = await Json.Read(await gateway.Http.GetAsync($"/daos/{Dao}/constitution"));
        Assert.Equal("all", constitution.Str("retiredOperatorCapabilities"));
    }
}
