using System.Net;
using System.Text.Json.Nodes;

namespace Blocktrack.Gateway.Tests;

/// <summary>Operator endpoints demand the API key before anything else happens.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class OperatorTests(GatewayFixture gateway)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Feeding_a_balance_without_the_key_is_api_key_invalid_and_changes_nothing(string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/voters/{TestKey.Alice.Address}/balances")
        {
            Content = Json.Content(new JsonObject { ["token"] = ApiScenario.Token, ["timepoint"] = gateway.Now, ["balance"] = "1" }),
        };
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);

        var response = await gateway.Http.SendAsync(request);

        await ProblemAssert.Is(response, HttpStatusCode.Unauthorized, "api-key-invalid");
        var voter = await Json.Read(await gateway.Http.GetAsync($"/voters/{TestKey.Alice.Address}?token={ApiScenario.Token}"));
        Assert.Equal("1000", voter.Str("balance"));
    }

    [Fact]
    public async Task Creating_a_dao_without_the_key_is_api_key_invalid_even_with_a_bad_body()
    {
        var response = await gateway.Http.PostAsync("/daos", Json.Raw("{ not json"));

        await ProblemAssert.Is(response, HttpStatusCode.Unauthorized, "api-key-invalid");
    }

    [Fact]
    public async Task Founding_the_same_root_dao_twice_is_dao_exists()
    {
        var response = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, "/daos", new JsonObject
        {
            ["path"] = ApiScenario.Dao,
            ["request"] = new JsonObject { ["displayName"] = "again" },
        }));

        await ProblemAssert.Is(response, HttpStatusCode.Conflict, "dao-exists");
    }

    [Theory]
    [InlineData("Blocktrack")]
    [InlineData("proposals")]
    [InlineData("a/b")]
    public async Task A_bad_root_path_is_invalid_dao_path(string path)
    {
        var response = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, "/daos", new JsonObject
        {
            ["path"] = path,
            ["request"] = new JsonObject { ["displayName"] = "x" },
        }));

        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "invalid-dao-path");
    }

    [Fact]
    public async Task A_deposit_with_the_key_credits_the_treasury()
    {
        var response = await gateway.Http.SendAsync(gateway.Operator(HttpMethod.Post, $"/daos/{ApiScenario.Dao}/deposits",
            new JsonObject { ["reference"] = "tx-1", ["asset"] = "usdc", ["amount"] = "123456789012345678901234567890" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var treasury = await Json.Read(await gateway.Http.GetAsync($"/daos/{ApiScenario.Dao}/treasury"));
        Assert.Equal(ApiScenario.Dao, treasury.Str("dao"));
        Assert.Equal("123456789012345678901234567890", treasury.GetProperty("balances").Str("usdc"));
    }

    [Fact]
    public async Task Sending_form_data_is_unsupported_media_type()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/daos/{ApiScenario.Dao}/deposits")
        {
            Content = new FormUrlEncodedContent([new("reference", "x")]),
        };
        request.Headers.Add("X-Api-Key", GatewayFixture.OperatorKey);

        await ProblemAssert.Is(await gateway.Http.SendAsync(request), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }
}
