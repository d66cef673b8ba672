using System.Net;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>A DAO founded with retired operator capabilities: the operator key can no longer credit it or award in it.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class OperatorRetiredTests(GatewayFixture gateway)
{
    private const string Dao = "operator-free";

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
                    ["classes"] = new JsonArray(ApiScenario.GeneralClass()),
                    ["retiredOperatorCapabilities"] = "recordDeposits, awardReputation",
                },
                ["roles"] = new JsonObject(),
                ["treasury"] = new JsonObject { ["btk"] = "100" },
            },
        }));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deposits_and_reputation_awards_are_operator_retired_and_change_nothing()
    {
        await Found();
        var constitution = await Json.Read(await gateway.Http.GetAsync($"/daos/{Dao}/constitution"));
        Assert.Equal("all", constitution.Str("retiredOperatorCapabilities")); // both capabilities there are

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
