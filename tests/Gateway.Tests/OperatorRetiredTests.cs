using System.Net;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>A DAO founded with retired operator capabilities: the operator key can no longer credit it or award in it.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class OperatorRetiredTests(GatewayFixture gateway)
{
    private const string Dao = "operator-free";
    private const string Token = "sealed-btk"; // counted by this DAO alone: its feed is retired for good

    private async Task Found()
    {
        var response = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, "/daos", new JsonObject
        {
            ["path"] = Dao,
            ["request"] = new JsonObject
            {
                ["displayName"] = "No operator",
                ["constitution"] = new JsonObject
                {
                    ["classes"] = new JsonArray(Sealed()),
                    // Not "all": founding root DAOs would then be retired for the whole shared cluster.
                    ["retiredOperatorCapabilities"] = "recordDeposits, awardReputation, feedBalances",
                },
                ["roles"] = new JsonObject(),
                ["treasury"] = new JsonObject { ["btk"] = "100" },
            },
        }));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
    }

    private static JsonObject Sealed()
    {
        var cls = ApiScenario.GeneralClass();
        cls["powerSource"] = new JsonObject { ["kind"] = "tokenVotes", ["token"] = Token };
        return cls;
    }

    [Fact]
    public async Task Balances_of_the_tokens_it_counts_are_operator_retired_and_others_are_not()
    {
        await Found();
        var retired = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, $"/voters/{TestKey.Mallory.Address}/balances",
            new JsonObject { ["token"] = Token, ["timepoint"] = gateway.Now - 1, ["balance"] = "1000000" }));
        var problem = await ProblemAssert.Is(retired, HttpStatusCode.Forbidden, "operator-retired");
        Assert.Contains(Dao, problem.Str("detail"));
        var voter = await Json.Read(await gateway.Http.GetAsync($"/voters/{TestKey.Mallory.Address}?token={Token}"));
        Assert.Equal("0", voter.Str("balance"));

        var other = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, $"/voters/{TestKey.Mallory.Address}/balances",
            new JsonObject { ["token"] = "unsealed-btk", ["timepoint"] = gateway.Now - 1, ["balance"] = "5" }));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Deposits_and_reputation_awards_are_operator_retired_and_change_nothing()
    {
        await Found();
        var constitution = await Json.Read(await gateway.Http.GetAsync($"/daos/{Dao}/constitution"));
        Assert.Equal("all", constitution.Str("retiredOperatorCapabilities"));

        var deposit = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, $"/daos/{Dao}/deposits",
            new JsonObject { ["reference"] = "retired-1", ["asset"] = "btk", ["amount"] = "1000000" }));
        var problem = await ProblemAssert.Is(deposit, HttpStatusCode.Forbidden, "operator-retired");
        Assert.Contains(Dao, problem.Str("detail"));
        var treasury = await Json.Read(await gateway.Http.GetAsync($"/daos/{Dao}/treasury"));
        Assert.Equal("100", treasury.GetProperty("balances").Str("btk"));

        var award = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, "/reputation/awards", new JsonObject
        {
            ["domain"] = Dao, ["address"] = TestKey.Mallory.Address, ["cause"] = "manual:retired", ["amount"] = "1000",
        }));
        await ProblemAssert.Is(award, HttpStatusCode.Forbidden, "operator-retired");
        var reading = await Json.Read(await gateway.Http.GetAsync($"/voters/{TestKey.Mallory.Address}/reputation?domain={Dao}"));
        Assert.Equal("0", reading.Str("reputation"));
    }
}
