using System.Diagnostics;
using Blocktrack.Tests.Support;

namespace Blocktrack.Benchmarks;

/// <summary>
/// The Gateway process on the embedded profile, as <c>dotnet run --project Gateway</c> runs it: a co-hosted silo, grain
/// state, ballots and reminders in one SQLite file (a throwaway data folder here), localhost clustering, so the benchmark's
/// Orleans client connects to its gateway port.
/// </summary>
public sealed class EmbeddedGatewayProcess(ChildProcess process, TempDirectory data, Uri url, int gatewayPort) : IAsyncDisposable
{
    public const string OperatorKey = "benchmark-operator-key";

    public ChildProcess Process => process;

    public Uri Url => url;

    public int GatewayPort => gatewayPort;

    /// <summary>Settings of an Orleans client of this process's silo.</summary>
    public IDictionary<string, string?> ClientSettings => new Dictionary<string, string?>
    {
        ["Orleans:Profile"] = "embedded", ["Orleans:GatewayPort"] = GatewayPort.ToString(),
    };

    public static async Task<EmbeddedGatewayProcess> StartAsync(IReadOnlyDictionary<string, string> gatewaySettings)
    {
        var folder = new TempDirectory();
        var (http, silo, gateway) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{http}",
            ["Orleans:Profile"] = "embedded",
            ["Orleans:DataDirectory"] = folder.Path,
            ["Orleans:SiloPort"] = silo.ToString(),
            ["Orleans:GatewayPort"] = gateway.ToString(),
            ["Gateway:OperatorApiKey"] = OperatorKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in gatewaySettings) settings[key] = value;
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        var started = ChildProcess.Start("gateway-embedded", AppBinaries.Gateway, environment, folder.Path);
        var address = new Uri($"http://127.0.0.1:{http}");
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (started.HasExited) throw new InvalidOperationException($"the embedded Gateway exited while starting\n{started.Tail()}");
            try
            {
                if ((await probe.GetAsync(new Uri(address, "/readyz"))).IsSuccessStatusCode) break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            if (watch.Elapsed > TimeSpan.FromSeconds(90)) throw new TimeoutException($"the embedded Gateway did not get ready\n{started.Tail()}");
            await Task.Delay(200);
        }
        Console.WriteLine($"  embedded Gateway (SQLite in {folder.Path}) at {address}, up in {watch.Elapsed.TotalSeconds:F1} s");
        return new EmbeddedGatewayProcess(started, folder, address, gateway);
    }

    public async ValueTask DisposeAsync()
    {
        Process.Terminate();
        await Process.WaitForExitAsync(TimeSpan.FromSeconds(20));
        Process.Dispose();
        data.Dispose();
    }
}
