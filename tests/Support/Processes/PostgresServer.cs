using System.Diagnostics;
using System.Net;
using Npgsql;

namespace Blocktrack.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server for tests: a fresh cluster in a temp folder, on a free 127.0.0.1 port with trust
/// authentication, stopped and deleted on dispose. It needs Debian's server binaries
/// (/usr/lib/postgresql/*/bin, installed by scripts/prerequisites.sh) and no system service. Started on a
/// <see cref="VirtualHost"/>, it runs in that host's network namespace and listens on its address instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string BinariesRoot = "/usr/lib/postgresql";
    private const string SuperUser = "postgres";

    private readonly string _bin;
    private readonly string _dataDirectory;
    private readonly bool _asPostgresUser;
    private readonly VirtualHost? _host;
    private int _databases;

    private PostgresServer(string bin, string dataDirectory, bool asPostgresUser, int port, VirtualHost? host)
    {
        _bin = bin;
        _dataDirectory = dataDirectory;
        _asPostgresUser = asPostgresUser;
        Port = port;
        _host = host;
    }

    public int Port { get; }

    /// <summary>Where it listens: 127.0.0.1, or its virtual host's address.</summary>
    public IPAddress Address => _host?.Address ?? IPAddress.Loopback;

    /// <summary>The running postmaster's process id (the first line of <c>postmaster.pid</c>), or null when stopped.</summary>
    public int? PostmasterId
    {
        get
        {
            var file = Path.Combine(_dataDirectory, "postmaster.pid");
            if (!File.Exists(file)) return null;
            return int.TryParse(File.ReadLines(file).FirstOrDefault(), out var pid) ? pid : null;
        }
    }

    /// <summary>Connection string of the server's maintenance database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>Creates, starts and waits for a new server; fails (never skips) when PostgreSQL is not installed.</summary>
    public static async Task<PostgresServer> StartAsync(VirtualHost? host = null)
    {
        var bin = FindBinaries();
        // initdb refuses to run as root, so root runs the server as the postgres user the Debian package creates.
        var asPostgresUser = Environment.UserName == "root";
        var parent = asPostgresUser ? "/tmp" : Path.GetTempPath();
        var dataDirectory = Path.Combine(parent, $"blocktrack-pg-{Guid.NewGuid():N}");
        // A host of its own has every port to itself: the standard one, as a database server elsewhere would use.
        var server = new PostgresServer(bin, dataDirectory, asPostgresUser, host is null ? FreePort.Next() : 5432, host);
        try
        {
            await server.Run("initdb", "-D", dataDirectory, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-instructions");
            // Root may append to the postgres-owned file; the server listens on one address, with its socket in its own folder.
            await File.AppendAllTextAsync(Path.Combine(dataDirectory, "postgresql.conf"), $"""

                listen_addresses = '{server.Address}'
                port = {server.Port}
                unix_socket_directories = '{dataDirectory}'
                max_connections = 300
                """);
            // initdb trusts loopback only; on a virtual host the clients are the other hosts on its network.
            if (host is not null) await File.AppendAllTextAsync(Path.Combine(dataDirectory, "pg_hba.conf"), "\nhost all all samenet trust\n");
            await server.Run("pg_ctl", "-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60", "start");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "blocktrack")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Address.ToString(),
        Port = Port,
        Username = SuperUser,
        Database = database,
        Pooling = true,
    }.ConnectionString;

    /// <summary>
    /// Stops the server, keeping its data folder and port, as an operator's restart would: <c>fast</c> cuts every
    /// session at once, <c>immediate</c> is a crash. Start it again with <see cref="StartAgainAsync"/>.
    /// </summary>
    public Task StopAsync(string mode = "fast") => Run("pg_ctl", "-D", _dataDirectory, "-m", mode, "-w", "-t", "60", "stop");

    /// <summary>Starts a stopped server again on the same data folder and port.</summary>
    public Task StartAgainAsync() =>
        Run("pg_ctl", "-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-w", "-t", "60", "start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
        {
            try { await Run("pg_ctl", "-D", _dataDirectory, "-m", "immediate", "-w", "stop"); }
            catch (InvalidOperationException) { /* already gone; the folder goes next anyway */ }
        }
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists(BinariesRoot)
            ? Directory.GetDirectories(BinariesRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var major) ? major : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries (initdb, pg_ctl) were not found under {BinariesRoot}/*/bin. " +
            "The storage tests start their own throwaway server: run scripts/prerequisites.sh as root, " +
            "or install Debian's 'postgresql' package (apt-get install -y postgresql).");
    }

    private async Task Run(string tool, params string[] arguments)
    {
        // [ip netns exec host] [runuser -u postgres --] tool arguments: the server pg_ctl starts stays in the host's namespace.
        string[] command =
        [
            .. _host?.Launcher ?? [], .. _asPostgresUser ? ["runuser", "-u", SuperUser, "--"] : Array.Empty<string>(),
            Path.Combine(_bin, tool), .. arguments,
        ];
        var start = new ProcessStartInfo
        {
            FileName = command[0],
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in command.Skip(1)) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        // pg_ctl leaves the server running with our pipes inherited; read to the end only of what the tool itself writes.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode == 0) return;
        var log = Path.Combine(_dataDirectory, "server.log");
        throw new InvalidOperationException(
            $"{tool} failed ({process.ExitCode}): {await Completed(stderr)} {await Completed(stdout)}" +
            (File.Exists(log) ? $"\nserver.log:\n{await File.ReadAllTextAsync(log)}" : ""));
    }

    private static async Task<string> Completed(Task<string> output) =>
        await Task.WhenAny(output, Task.Delay(TimeSpan.FromSeconds(1))) == output ? output.Result.Trim() : "";
}
