using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Blocktrack.Gateway.Tests;

/// <summary>
/// Named operator keys on a Gateway of their own: stored as hashes, each opening only its scopes, rotated by a change of
/// configuration with no restart; the development key keeps every scope.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class OperatorKeyTests : IAsyncLifetime
{
    private const string Feeder = "feeder-key-1", Treasurer = "treasurer-key-1";

    private readonly GatewayFixture gateway = GatewayFixture.With(new Dictionary<string, string?>
    {
        ["Gateway:OperatorKeys:0:Name"] = "feeder",
        ["Gateway:OperatorKeys:0:Sha256"] = OperatorApiKey.HashOf(Feeder),
        ["Gateway:OperatorKeys:0:Scopes:0"] = "balances",
        ["Gateway:OperatorKeys:1:Name"] = "treasurer",
        ["Gateway:OperatorKeys:1:Sha256"] = OperatorApiKey.HashOf(Treasurer),
        ["Gateway:OperatorKeys:1:Scopes:0"] = "deposits",
    });

    public Task InitializeAsync() => gateway.InitializeAsync();

    public Task DisposeAsync() => gateway.DisposeAsync();

    private Task<HttpResponseMessage> Send(string key, string path, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json.Content(body) };
        request.Headers.Add(OperatorApiKey.HeaderName, key);
        return gateway.Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> Feed(string key) => Send(key, $"/voters/{TestKey.Mallory.Address}/balances",
        new JsonObject { ["token"] = "keyed-btk", ["timepoint"] = gateway.Now - 1, ["balance"] = "7" });

    private Task<HttpResponseMessage> Deposit(string key, string reference) => Send(key, $"/daos/{ApiScenario.Dao}/deposits",
        new JsonObject { ["reference"] = reference, ["asset"] = "usdc", ["amount"] = "5" });

    [Fact]
    public async Task A_named_key_opens_only_its_scopes_and_the_development_key_opens_all()
    {
        Assert.Equal(HttpStatusCode.OK, (await Feed(Feeder)).StatusCode);
        var problem = await ProblemAssert.Is(await Deposit(Feeder, "by-feeder"), HttpStatusCode.Forbidden, "api-key-scope");
        Assert.Contains("'feeder'", problem.Str("detail"));
        Assert.DoesNotContain(Feeder, problem.Str("detail"));
        await ProblemAssert.Is(await Send(Feeder, "/daos", new JsonObject()), HttpStatusCode.Forbidden, "api-key-scope");

        Assert.Equal(HttpStatusCode.OK, (await Deposit(Treasurer, "by-treasurer")).StatusCode);
        await ProblemAssert.Is(await Feed(Treasurer), HttpStatusCode.Forbidden, "api-key-scope");
        Assert.Equal(HttpStatusCode.OK, (await Deposit(GatewayFixture.OperatorKey, "by-operator")).StatusCode);

        var treasury = await Json.Read(await gateway.Http.GetAsync($"/daos/{ApiScenario.Dao}/treasury"));
        Assert.Equal("10", treasury.GetProperty("balances").Str("usdc")); // the two deposits that were let in
    }

    [Fact]
    public async Task A_key_is_rotated_by_a_change_of_configuration_without_a_restart()
    {
        Assert.Equal(HttpStatusCode.OK, (await Feed(Feeder)).StatusCode);

        var configuration = (IConfigurationRoot)gateway.Services.GetRequiredService<IConfiguration>();
        configuration["Gateway:OperatorKeys:0:Sha256"] = OperatorApiKey.HashOf("feeder-key-2");
        configuration.Reload();

        await ProblemAssert.Is(await Feed(Feeder), HttpStatusCode.Unauthorized, "api-key-invalid");
        Assert.Equal(HttpStatusCode.OK, (await Feed("feeder-key-2")).StatusCode);
    }

    [Theory]
    [InlineData("feeder", "0123", "balances")]
    [InlineData("", "ok", "balances")]
    [InlineData("feeder", "ok", "mint")]
    public void A_key_without_a_name_a_hash_or_known_scopes_is_refused_at_start(string name, string hash, string scope)
    {
        var key = new OperatorKeyOptions
        {
            Name = name, Sha256 = hash == "ok" ? OperatorApiKey.HashOf("x") : hash, Scopes = [scope],
        };
        Assert.False(GatewayOptions.IsValid(new GatewayOptions { OperatorKeys = [key] }));
        var good = new OperatorKeyOptions { Name = "feeder", Sha256 = OperatorApiKey.HashOf("x"), Scopes = ["balances", "*"] };
        Assert.True(GatewayOptions.IsValid(new GatewayOptions { OperatorKeys = [good] }));
    }
}
