using System.Net;

namespace Blocktrack.Gateway.Tests;

/// <summary>The Orleans Dashboard: absent by default; when switched on, served only to an operator key that may read it.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class DashboardTests
{
    private const string Monitor = "monitoring-key-1", Feeder = "feeder-key-1";

    [Fact]
    public async Task The_dashboard_is_off_by_default()
    {
        var gateway = GatewayFixture.Bare(new Dictionary<string, string?>());
        await gateway.InitializeAsync();
        try
        {
            await ProblemAssert.Is(await gateway.Http.GetAsync(GatewayApp.DashboardPath), HttpStatusCode.NotFound, "not-found");
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    [Fact]
    public async Task When_on_the_dashboard_needs_an_operator_key_with_the_dashboard_scope()
    {
        var gateway = GatewayFixture.Bare(new Dictionary<string, string?>
        {
            ["Orleans:Dashboard:Enabled"] = "true",
            ["Gateway:OperatorKeys:0:Name"] = "monitoring",
            ["Gateway:OperatorKeys:0:Sha256"] = OperatorApiKey.HashOf(Monitor),
            ["Gateway:OperatorKeys:0:Scopes:0"] = OperatorScopes.Dashboard,
            ["Gateway:OperatorKeys:1:Name"] = "feeder",
            ["Gateway:OperatorKeys:1:Sha256"] = OperatorApiKey.HashOf(Feeder),
            ["Gateway:OperatorKeys:1:Scopes:0"] = OperatorScopes.Balances,
        });
        await gateway.InitializeAsync();
        try
        {
            Task<HttpResponseMessage> Get(string? key)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, GatewayApp.DashboardPath);
                if (key is not null) request.Headers.Add(OperatorApiKey.HeaderName, key);
                return gateway.Http.SendAsync(request);
            }

            await ProblemAssert.Is(await Get(null), HttpStatusCode.Unauthorized, "api-key-invalid");
            await ProblemAssert.Is(await Get(Feeder), HttpStatusCode.Forbidden, "api-key-scope");
            var page = await Get(Monitor);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("html", (await page.Content.ReadAsStringAsync()).ToLowerInvariant());
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }
}
