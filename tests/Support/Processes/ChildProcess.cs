using System.Diagnostics;

namespace Blocktrack.Tests.Support;

/// <summary>
/// A .NET app run as a real child process (<c>dotnet app.dll</c>), its output appended to a log file so a failing test
/// can show what the process said. <see cref="Kill"/> is SIGKILL: no shutdown hooks, no graceful leave.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(string name, Process process, string logPath)
    {
        Name = name;
        _process = process;
        LogPath = logPath;
    }

    public string Name { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <paramref name="assembly"/> with the given environment (added to this process's own), in the assembly's
    /// folder; a <paramref name="launcher"/> that execs its arguments (<see cref="VirtualHost.Launcher"/>) runs it elsewhere.
    /// </summary>
    public static ChildProcess Start(
        string name, string assembly, IReadOnlyDictionary<string, string> environment, string logDirectory, IReadOnlyList<string>? launcher = null)
    {
        Directory.CreateDirectory(logDirectory);
        var logPath = Path.Combine(logDirectory, name + ".log");
        // A shell redirect, then exec: the log is written by the OS (no pipe for us to drain), and the PID stays the app's.
        // No core file: a silo told it was declared dead ends with FailFast (SIGABRT), which would dump into the bin folder.
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        string[] command = [.. launcher ?? [], AppBinaries.DotnetHost, assembly];
        foreach (var a in new[] { "-c", "ulimit -c 0; log=\"$1\"; shift; exec \"$@\" >>\"$log\" 2>&1", "sh", logPath }.Concat(command))
            start.ArgumentList.Add(a);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        Watch(process.Id);
        return new ChildProcess(name, process, logPath);
    }

    /// <summary>
    /// A watchdog that SIGKILLs the app if this process dies first (a test host aborted mid-run), so no silo outlives its
    /// test; it exits by itself as soon as the app is gone.
    /// </summary>
    private static void Watch(int app)
    {
        var watchdog = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var a in new[]
                 {
                     "-c", "while kill -0 \"$0\" 2>/dev/null && kill -0 \"$1\" 2>/dev/null; do sleep 1; done; kill -0 \"$1\" 2>/dev/null && kill -9 \"$1\"",
                     Environment.ProcessId.ToString(), app.ToString(),
                 })
        {
            watchdog.ArgumentList.Add(a);
        }
        using var _ = Process.Start(watchdog);
    }

    /// <summary>SIGKILL, as a crashed machine or an OOM kill would end it.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as the kubelet sends on scale-in or an upgrade: the app may shut down gracefully.</summary>
    public void Terminate()
    {
        if (_process.HasExited) return;
        using var kill = Process.Start("kill", ["-TERM", Id.ToString()]) ?? throw new InvalidOperationException("could not run kill");
        kill.WaitForExit();
    }

    /// <summary>The exit code once the process has exited, or null if it still runs after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Peak resident memory (VmHWM) and current resident memory (VmRSS) in bytes, read from /proc; 0 when unknown.</summary>
    public (long Peak, long Current) Memory()
    {
        try
        {
            long peak = 0, current = 0;
            foreach (var line in File.ReadLines($"/proc/{Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line) * 1024;
                else if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) current = Kilobytes(line) * 1024;
            }
            return (peak, current);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Tail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return $"--- {Name} ({LogPath}) ---\n" + string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"--- {Name}: no log ({e.Message}) ---";
        }
    }

    public void Dispose()
    {
        try { Kill(); }
        catch (InvalidOperationException) { /* never started or already reaped */ }
        _process.Dispose();
    }

    private static long Kilobytes(string line) =>
        long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb) ? kb : 0;
}
