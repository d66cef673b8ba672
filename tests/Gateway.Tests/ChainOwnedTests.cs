using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// Token ids a chain watcher owns are never written through the operator key or an off-chain delegation: a new user
/// once fed 1,000,000 of <c>btk@412346</c> with the operator key and it was accepted (issue 15).
/// </summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ChainOwnedTests(GatewayFixture gateway)
{
    private const string ChainToken = "btk@412346";

    [Theory]
    [InlineData(ChainToken)]
    [InlineData("usdc@42161")]
    public async Task Feeding_a_balance_of_a_chain_owned_token_is_chain_owned_and_changes_nothing(string token)
    {
        var response = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, $"/voters/{TestKey.Mallory.Address}/balances",
            new JsonObject { ["token"] = token, ["timepoint"] = gateway.Now - 1, ["balance"] = "1000000" }));

        var problem = await ProblemAssert.Is(response, HttpStatusCode.Forbidden, "chain-owned");
        Assert.Contains("chain watcher", problem.Str("detail"));
        var voter = await Json.Read(await gateway.Http.GetAsync($"/voters/{TestKey.Mallory.Address}?token={Uri.EscapeDataString(token)}"));
        Assert.Equal(("0", "0"), (voter.Str("balance"), voter.Str("votes")));
    }

    [Fact]
    public async Task Depositing_a_chain_owned_asset_is_chain_owned_and_leaves_the_treasury_as_it_was()
    {
        var before = (await Json.Read(await gateway.Http.GetAsync($"/daos/{ApiScenario.Dao}/treasury"))).GetProperty("balances").ToString();

        var response = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, $"/daos/{ApiScenario.Dao}/deposits",
            new JsonObject { ["reference"] = "mint-from-thin-air", ["asset"] = ChainToken, ["amount"] = "1000000" }));

        await ProblemAssert.Is(response, HttpStatusCode.Forbidden, "chain-owned");
        var after = (await Json.Read(await gateway.Http.GetAsync($"/daos/{ApiScenario.Dao}/treasury"))).GetProperty("balances").ToString();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Delegating_a_chain_owned_token_off_chain_is_chain_owned()
    {
        var delegation = Messages.Delegation(TestKey.Mallory, TestKey.Alice.Checksummed, gateway.Now, ChainToken);

        var response = await gateway.Http.PostAsync($"/voters/{TestKey.Mallory.Checksummed}/delegate",
            Json.Content(TypedDataSigner.Envelope(TestKey.Mallory, "Delegation", delegation)));

        await ProblemAssert.Is(response, HttpStatusCode.Forbidden, "chain-owned");
        var mallory = $"/voters/{TestKey.Mallory.Address}?token={Uri.EscapeDataString(ChainToken)}";
        var voter = await Json.Read(await gateway.Http.GetAsync(mallory));
        Assert.Equal(JsonValueKind.Null, voter.GetProperty("delegate").ValueKind);
    }
}
