using System.Globalization;
using System.Net;
using System.Text.Json;
using Blocktrack.Chain;
using Blocktrack.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// The Gateway as the README's main command runs it (a co-hosted silo, memory profile) on an executor chain, acting with
/// its own key and timelock — no nonce shared with the fixture's cluster — on a real loopback port.
/// </summary>
public sealed class ExecutorGateway(WebApplication app) : IAsyncDisposable
{
    public const string OperatorKey = "executor-gateway-key";

    public HttpClient Http { get; } = new() { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };

    public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    public static async Task<ExecutorGateway> StartAsync(ExecutorFixture chain, byte[] key, string timelock, string badges = "")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Orleans:Profile"] = "memory",
            ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Gateway:OperatorApiKey"] = OperatorKey,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Chains:0:Id"] = ExecutorFixture.ChainId.ToString(CultureInfo.InvariantCulture),
            ["Chains:0:Name"] = "l3",
            ["Chains:0:Rpc"] = chain.Endpoint.ToString(),
            ["Chains:0:Confirmations"] = "0",
            ["Chains:0:PollInterval"] = "00:00:00.100",
            ["Chains:0:Executor:Timelock"] = timelock,
            ["Chains:0:Executor:Badges"] = badges,
            ["Chains:0:Executor:PrivateKey"] = Hex.ToHex(key),
        };
        var app = GatewayApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();
        return new ExecutorGateway(app);
    }

    /// <summary>A request carrying the operator key.</summary>
    public static HttpRequestMessage Operator(HttpMethod method, string path, object body) => new(method, path)
    {
        Headers = { { "X-Api-Key", OperatorKey } }, Content = JsonContent(body),
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}

/// <summary>Reading the Gateway's answers: JSON bodies and RFC 9457 problem documents with their stable code.</summary>
public static class GatewayAnswers
{
    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await Json(response);
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, body.GetProperty("code").GetString());
        return body;
    }
}
