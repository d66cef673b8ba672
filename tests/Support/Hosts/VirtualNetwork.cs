using System.Diagnostics;
using System.Net;

namespace Blocktrack.Tests.Support;

/// <summary>
/// Virtual hosts on this machine, as pods on different nodes: each one a Linux network namespace with its own address on
/// 10.77.0.0/24, joined by a veth pair to one bridge in the root namespace (where the tests run, at 10.77.0.1). A process
/// started with a host's <see cref="VirtualHost.Launcher"/> (<c>ip netns exec</c>) sees only that host's network;
/// <see cref="Cut"/> takes the host's cable out. Needs root and iproute2; <see cref="Unavailable"/> says why not.
/// </summary>
/// <remarks>
/// One set per machine at a time: a lock file serialises test runs (the addresses are fixed), and whoever holds it first
/// removes what a crashed earlier run left (its namespaces, their processes, the links), so every run starts clean.
/// </remarks>
public sealed class VirtualNetwork : IDisposable
{
    /// <summary>Every namespace and link this class creates starts with it, so a stale set can be found and removed.</summary>
    public const string Prefix = "btvh";

    private const string Bridge = Prefix + "0";
    private const string Subnet = "10.77.0.";
    private const int PrefixLength = 24;
    private static readonly string LockPath = Path.Combine(Path.GetTempPath(), "blocktrack-virtual-hosts.lock");
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(20);

    private readonly FileStream _lock;
    private readonly List<VirtualHost> _hosts = [];
    private int _lastHost = 1;

    private VirtualNetwork(FileStream held) => _lock = held;

    /// <summary>The root namespace's address on the bridge: where requests from the tests come from.</summary>
    public static IPAddress BridgeAddress { get; } = IPAddress.Parse(Subnet + "1");

    public IReadOnlyList<VirtualHost> Hosts => _hosts;

    /// <summary>Why virtual hosts cannot be made here (not Linux, not root, no <c>ip</c>), or null when they can.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux()) return "virtual hosts need Linux network namespaces";
        if (Environment.UserName != "root") return "virtual hosts need root (ip netns add); CI runs as root";
        var ip = new[] { "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip" }.FirstOrDefault(File.Exists);
        return ip is null ? "virtual hosts need iproute2's ip binary (apt-get install iproute2)" : null;
    }

    /// <summary>Takes the machine's lock, removes any stale set and creates the bridge.</summary>
    public static async Task<VirtualNetwork> CreateAsync()
    {
        if (Unavailable() is { } reason) throw new InvalidOperationException(reason);
        var network = new VirtualNetwork(await AcquireLock());
        try
        {
            RemoveStale();
            Ip("link", "add", Bridge, "type", "bridge");
            Ip("addr", "add", $"{BridgeAddress}/{PrefixLength}", "dev", Bridge);
            Ip("link", "set", Bridge, "up");
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>A new host <paramref name="name"/> (≤ 10 characters) with the next free address, its cable plugged in.</summary>
    public VirtualHost AddHost(string name)
    {
        var host = new VirtualHost(name, $"{Prefix}-{name}", $"{Prefix}-{name}", IPAddress.Parse(Subnet + Interlocked.Increment(ref _lastHost)));
        if (host.Link.Length > 15) throw new ArgumentException($"Host name '{name}' is too long for a link name.", nameof(name));
        lock (_hosts) _hosts.Add(host);
        Ip("netns", "add", host.Namespace);
        Ip("link", "add", host.Link, "type", "veth", "peer", "name", "eth0", "netns", host.Namespace);
        Ip("link", "set", host.Link, "master", Bridge, "up");
        Ip("-n", host.Namespace, "addr", "add", $"{host.Address}/{PrefixLength}", "dev", "eth0");
        Ip("-n", host.Namespace, "link", "set", "eth0", "up");
        Ip("-n", host.Namespace, "link", "set", "lo", "up");
        return host;
    }

    /// <summary>
    /// Unplugs the host's cable (its bridge port goes down): packets to and from it are lost, connections neither close
    /// nor refuse, as when a node drops off the network.
    /// </summary>
    public static void Cut(VirtualHost host) => Ip("link", "set", host.Link, "down");

    /// <summary>Plugs the cable back in.</summary>
    public static void Restore(VirtualHost host) => Ip("link", "set", host.Link, "up");

    /// <summary>Stops whatever still runs on the hosts, removes them and the bridge, and releases the lock.</summary>
    public void Dispose()
    {
        try
        {
            lock (_hosts) foreach (var host in _hosts) Remove(host.Namespace, host.Link);
            TryIp("link", "del", Bridge);
        }
        finally
        {
            _lock.Dispose();
        }
    }

    private static async Task<FileStream> AcquireLock()
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive advisory lock on Linux; the OS drops it when a crashed holder dies.
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (watch.Elapsed < LockWait)
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>Namespaces and links with our prefix that no live run owns (we hold the lock): a crashed run's.</summary>
    private static void RemoveStale()
    {
        foreach (var line in Ip("netns", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = line.Split(' ')[0];
            if (name.StartsWith(Prefix + "-", StringComparison.Ordinal)) Remove(name, name);
        }
        foreach (var line in Ip("-o", "link", "show").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "12: btvh-s1@if2: <...>" → btvh-s1
            var name = line.Split(':', 3)[1].Trim().Split('@')[0];
            if (name.StartsWith(Prefix, StringComparison.Ordinal)) TryIp("link", "del", name);
        }
    }

    private static void Remove(string ns, string link)
    {
        // Processes first (a stale run's PostgreSQL has no watchdog), then the link (and with it the peer), then the namespace.
        foreach (var pid in TryIp("netns", "pids", ns).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try { Process.GetProcessById(int.Parse(pid.Trim())).Kill(entireProcessTree: true); }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException) { /* already gone */ }
        }
        TryIp("link", "del", link);
        TryIp("netns", "del", ns);
    }

    private static string TryIp(params string[] arguments)
    {
        try { return Ip(arguments); }
        catch (InvalidOperationException) { return ""; }
    }

    /// <summary>Runs <c>ip</c>; throws with its error output when it fails.</summary>
    private static string Ip(params string[] arguments)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run ip");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill();
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} did not finish in {CommandTimeout.TotalSeconds} s");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result.Trim()}");
        return stdout.Result;
    }
}
