using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Blocktrack.Tests.Support;

/// <summary>
/// A cluster-profile deployment on this machine: a throwaway PostgreSQL, silo processes (<c>dotnet Blocktrack.Silo.dll</c>)
/// and optionally the Gateway as an Orleans client process, each on its own free 127.0.0.1 ports, or each on a virtual host
/// of its own (<see cref="LocalClusterOptions.Network"/>). Faults are real: <see cref="KillSilo"/> sends SIGKILL,
/// <see cref="RestartPostgresAsync"/> stops and starts the database server, <see cref="VirtualNetwork.Cut"/> unplugs a host.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly LocalClusterOptions _options;
    private readonly List<SiloProcess> _silos = [];
    private readonly List<GatewayProcess> _gateways = [];
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    private LocalCluster(LocalClusterOptions options, PostgresServer postgres, string connectionString, string logDirectory)
    {
        _options = options;
        Postgres = postgres;
        ConnectionString = connectionString;
        LogDirectory = logDirectory;
    }

    public PostgresServer Postgres { get; }

    public string ConnectionString { get; }

    /// <summary>Silos and clients of this deployment share this id (and nothing else on the machine does).</summary>
    public string ClusterId { get; } = "bt-" + Guid.NewGuid().ToString("N")[..12];

    public string LogDirectory { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public IReadOnlyList<GatewayProcess> Gateways => _gateways;

    /// <summary>The Gateway started last (a replacement, after a rolling upgrade).</summary>
    public ChildProcess? Gateway => _gateways.LastOrDefault()?.Process;

    public Uri? GatewayUrl => _gateways.LastOrDefault()?.Url;

    public string OperatorKey => _options.OperatorKey;

    /// <summary>Settings a client (a test's or a benchmark's own Orleans client) needs to join this cluster.</summary>
    public IDictionary<string, string?> ClientSettings => new Dictionary<string, string?>
    {
        ["Orleans:Profile"] = "cluster",
        ["ConnectionStrings:Orleans"] = ConnectionString,
        ["Orleans:ClusterId"] = ClusterId,
        ["Orleans:ServiceId"] = ClusterId,
    };

    /// <summary>Starts PostgreSQL, the silos (together) and then the Gateway; returns once the Gateway sees every silo.</summary>
    public static async Task<LocalCluster> StartAsync(LocalClusterOptions options, Action<string>? log = null)
    {
        var watch = Stopwatch.StartNew();
        var postgres = await PostgresServer.StartAsync(options.Network?.AddHost("pg"));
        LocalCluster? cluster = null;
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync("cluster"));
            if (options.MaxPoolSize is { } pool) connectionString.MaxPoolSize = pool;
            var logs = Path.Combine(Path.GetTempPath(), "blocktrack-cluster-" + Guid.NewGuid().ToString("N")[..8]);
            cluster = new LocalCluster(options, postgres, connectionString.ConnectionString, logs);
            // The first silo migrates the schema alone, so the others do not all queue on the migration lock at once.
            await cluster.StartSiloAsync();
            await Task.WhenAll(Enumerable.Range(1, options.Silos - 1).Select(_ => cluster.StartSiloAsync()));
            if (options.Gateway) await cluster.StartGatewayAsync();
            log?.Invoke($"cluster {cluster.ClusterId}: PostgreSQL on {postgres.Port}, {options.Silos} silos"
                        + (options.Gateway ? $", Gateway at {cluster.GatewayUrl}" : "") + $", up in {watch.Elapsed.TotalSeconds:F1} s");
            return cluster;
        }
        catch
        {
            if (cluster is not null) await cluster.DisposeAsync();
            else await postgres.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo on fresh ports (also a replacement for a killed one) and waits until it serves.</summary>
    public async Task<SiloProcess> StartSiloAsync()
    {
        SiloProcess silo;
        lock (_silos)
        {
            var index = _silos.Count;
            var host = _options.Network?.AddHost($"s{index}");
            var address = host?.Address ?? IPAddress.Loopback;
            var ports = (Silo: Port(11111), Gateway: Port(30000), Http: Port(5090));
            var settings = new Dictionary<string, string>(Common())
            {
                ["Urls"] = $"http://{address}:{ports.Http}",
                ["Orleans:SiloPort"] = ports.Silo.ToString(),
                ["Orleans:GatewayPort"] = ports.Gateway.ToString(),
                ["Orleans:AdvertisedIPAddress"] = address.ToString(),
            };
            if (_options.FastFailureDetection)
            {
                settings["Orleans:Membership:ProbeTimeout"] = "00:00:01";
                settings["Orleans:Membership:NumMissedProbesLimit"] = "3";
                settings["Orleans:Membership:DeathVoteExpirationTimeout"] = "00:00:10";
                settings["Orleans:Membership:TableRefreshTimeout"] = "00:00:02";
            }
            foreach (var (key, value) in _options.SiloSettings) settings[key] = value;
            silo = new SiloProcess(index, address, ports.Silo, ports.Gateway, ports.Http,
                ChildProcess.Start($"silo-{index}", AppBinaries.Silo, Environment(settings), LogDirectory, host?.Launcher)) { Host = host };
            _silos.Add(silo);
        }
        await WaitUntil(silo.Process, async () => (await _probe.GetAsync(new Uri(silo.Http, "/healthz"))).IsSuccessStatusCode);
        return silo;
    }

    /// <summary>SIGKILLs a silo; returns when the process is gone.</summary>
    public void KillSilo(int index) => _silos[index].Process.Kill();

    /// <summary>Stops PostgreSQL (every session cut), waits <paramref name="down"/>, and starts it again on the same data and port.</summary>
    public async Task RestartPostgresAsync(TimeSpan down)
    {
        await Postgres.StopAsync();
        await Task.Delay(down);
        await Postgres.StartAgainAsync();
    }

    /// <summary>Silos the Gateway (the last started, or <paramref name="gateway"/>) reports as active; without one, the live silos.</summary>
    public async Task<int> ActiveSilosAsync(Uri? gateway = null)
    {
        gateway ??= GatewayUrl;
        if (gateway is null) return _silos.Count(s => !s.Process.HasExited);
        using var response = await _probe.GetAsync(new Uri(gateway, "/readyz"));
        if (!response.IsSuccessStatusCode) return 0;
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("silos").GetInt32();
    }

    /// <summary>The end of every process's log, for failure messages.</summary>
    public string Diagnostics(int lines = 30) =>
        string.Join("\n", _silos.Select(s => s.Process.Tail(lines)).Concat(_gateways.Select(g => g.Process.Tail(lines))));

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways) gateway.Process.Dispose();
        foreach (var silo in _silos) silo.Process.Dispose();
        _probe.Dispose();
        await Postgres.DisposeAsync();
        try { Directory.Delete(LogDirectory, recursive: true); }
        catch (IOException) { /* a log still open; the temp folder is cleaned eventually */ }
    }

    /// <summary>
    /// Starts one more Gateway (the first, or a replacement) and waits until it sees every live silo; it becomes
    /// <see cref="GatewayUrl"/> then.
    /// </summary>
    public async Task<GatewayProcess> StartGatewayAsync()
    {
        var index = _gateways.Count;
        var host = _options.Network?.AddHost($"gw{index}");
        var url = new Uri($"http://{host?.Address ?? IPAddress.Loopback}:{Port(5080)}");
        var settings = new Dictionary<string, string>(Common())
        {
            ["Urls"] = url.ToString().TrimEnd('/'),
            ["Gateway:OperatorApiKey"] = _options.OperatorKey,
        };
        foreach (var (key, value) in _options.GatewaySettings) settings[key] = value;
        var name = index == 0 ? "gateway" : $"gateway-{index}";
        var process = ChildProcess.Start(name, AppBinaries.Gateway, Environment(settings), LogDirectory, host?.Launcher);
        var gateway = new GatewayProcess(index, url, process) { Host = host };
        try
        {
            await WaitUntil(process, async () => await ActiveSilosAsync(url) >= _silos.Count(s => !s.Process.HasExited));
        }
        finally
        {
            _gateways.Add(gateway); // disposed with the cluster even when it never became ready
        }
        return gateway;
    }

    /// <summary>A free loopback port, or on a virtual host (which has all its ports to itself) the one a pod would use.</summary>
    private int Port(int onVirtualHost) => _options.Network is null ? FreePort.Next() : onVirtualHost;

    private Dictionary<string, string> Common()
    {
        var settings = new Dictionary<string, string>
        {
            ["Orleans:Profile"] = "cluster",
            ["ConnectionStrings:Orleans"] = ConnectionString,
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:ServiceId"] = ClusterId,
            ["Logging:LogLevel:Default"] = _options.LogLevel,
            ["Logging:LogLevel:Orleans"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
        };
        if (_options.FastFailureDetection) settings["Orleans:Messaging:ResponseTimeout"] = "00:00:10";
        return settings;
    }

    /// <summary>Configuration keys as environment variables (<c>Orleans:SiloPort</c> → <c>Orleans__SiloPort</c>).</summary>
    private static Dictionary<string, string> Environment(Dictionary<string, string> settings) =>
        settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);

    private static async Task WaitUntil(ChildProcess process, Func<Task<bool>> ready)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"{process.Name} exited while starting.\n{process.Tail()}");
            try
            {
                if (await ready()) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                // Not listening yet.
            }
            if (watch.Elapsed > StartTimeout) throw new TimeoutException($"{process.Name} did not become ready in {StartTimeout.TotalSeconds} s.\n{process.Tail()}");
            await Task.Delay(200);
        }
    }
}
