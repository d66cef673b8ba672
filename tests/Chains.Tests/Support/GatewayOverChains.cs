using System.Globalization;
using Blocktrack.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// The Gateway as `dotnet run --project Gateway` runs it (a co-hosted silo, memory profile), configured with the two test
/// chains and a third whose node is not running yet, on a real loopback port.
/// </summary>
public sealed class GatewayOverChains(ChainsFixture chains) : IAsyncDisposable
{
    public const long DeadChainId = 412399;

    private WebApplication? _app;

    public HttpClient Http { get; private set; } = null!;

    public int DeadChainPort { get; } = FreePort.Next();

    public IGrainFactory Grains => _app!.Services.GetRequiredService<IGrainFactory>();

    public async Task StartAsync()
    {
        var settings = ChainsFixture.Settings(chains.Both);
        settings["Chains:2:Id"] = DeadChainId.ToString(CultureInfo.InvariantCulture);
        settings["Chains:2:Name"] = "dead";
        settings["Chains:2:Rpc"] = $"http://127.0.0.1:{DeadChainPort}";
        settings["Chains:2:Confirmations"] = "0";
        settings["Chains:2:PollInterval"] = "00:00:00.100";
        settings["Chains:2:Tokens:0:Address"] = chains.A.Btk.Address;
        settings["Chains:2:Tokens:0:Token"] = $"btk@{DeadChainId}";
        settings["Urls"] = "http://127.0.0.1:0";
        settings["Orleans:Profile"] = "memory";
        settings["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        settings["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        settings["Gateway:OperatorApiKey"] = "chains-test-key";
        settings["Logging:LogLevel:Default"] = "Warning";
        _app = GatewayApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
