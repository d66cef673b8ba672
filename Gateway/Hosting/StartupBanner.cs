using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>Prints what is serving once the Gateway listens: URLs, profile, chain id, signature recovery — and a generated operator key.</summary>
public static class StartupBanner
{
    public static void PrintOnStart(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
            var verifier = app.Services.GetRequiredService<SignatureVerifier>();
            // Plain console output, not logging: this is for the person who started the process, whatever the log levels.
            Console.WriteLine(
                $"Blocktrack Gateway listening on {string.Join(", ", addresses)} | profile {OrleansHosting.Describe(app.Configuration)} | chain id {options.ChainId} | signature recovery {verifier.RecoveryName}");
            var key = app.Services.GetRequiredService<OperatorApiKey>();
            if (key.Generated)
                Console.WriteLine($"Generated operator API key (set Gateway:OperatorApiKey to choose one): {key.Value}");
        });
    }
}
