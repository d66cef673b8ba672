using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Blocktrack.Gateway;

/// <summary>
/// Prints what is serving once the Gateway listens: URLs, profile, chain id, signature recovery, a generated operator
/// key, and the mirrored chains.
/// </summary>
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
                $"Blocktrack Gateway listening on {string.Join(", ", addresses)} | profile {OrleansHosting.Describe(app.Configuration)}"
                + $" | chain id {options.ChainId} | signature recovery {verifier.RecoveryName}");
            var key = app.Services.GetRequiredService<OperatorApiKey>();
            if (key.Generated)
                Console.WriteLine($"Generated operator API key (set Gateway:OperatorApiKey to choose one): {key.Value}");
            // Asked of the cluster, which may take a moment: printed when it answers, without holding up startup.
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            _ = ChainBanner.PrintAsync(grains, app.Services.GetRequiredService<TimeProvider>(), Console.Out);
        });
    }
}
