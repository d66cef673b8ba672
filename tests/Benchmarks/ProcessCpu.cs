using System.Diagnostics;

namespace Blocktrack.Benchmarks;

/// <summary>
/// CPU time of the processes a run involves, read from <c>/proc</c>: user + system seconds (fields 14 and 15 of
/// <c>/proc/{pid}/stat</c>, in clock ticks), and for a process tree (PostgreSQL's postmaster and its backends) the
/// live children's too plus what exited children left in the parent's (fields 16 and 17).
/// </summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100.0;

    /// <summary>The CPU seconds of one process so far.</summary>
    public static double Seconds(int pid)
    {
        var fields = Fields(pid);
        return fields is null ? 0 : (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
    }

    /// <summary>The CPU seconds of a process and all its children, live and exited.</summary>
    public static double TreeSeconds(int root)
    {
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var fields = Fields(pid);
            if (fields is null) continue;
            var own = (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
            if (pid == root) total += own + (long.Parse(fields[13]) + long.Parse(fields[14])) / TicksPerSecond;
            else if (int.Parse(fields[1]) == root) total += own;
        }
        return total;
    }

    /// <summary>Pins every thread of a process (and, for a tree, its children) to one CPU with <c>taskset</c>.</summary>
    public static void Pin(int pid, int cpu, bool tree = false)
    {
        var pids = tree
            ? Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var p) ? p : -1)
                .Where(p => p == pid || (p > 0 && Fields(p) is { } f && int.Parse(f[1]) == pid)).ToArray()
            : [pid];
        foreach (var p in pids)
        {
            using var taskset = Process.Start(new ProcessStartInfo("taskset", $"-a -cp {cpu} {p}") { RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("taskset did not start");
            taskset.WaitForExit();
            if (taskset.ExitCode != 0) throw new InvalidOperationException($"taskset -a -cp {cpu} {p} failed ({taskset.ExitCode})");
        }
    }

    /// <summary>This process's CPU seconds (the benchmark client).</summary>
    public static double OwnSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    // The fields after the command name, which may itself contain spaces and parentheses.
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
    }
}

/// <summary>A CPU reading of every process of a deployment, taken before and after a run.</summary>
public sealed class CpuSample
{
    private readonly (string Name, Func<double> Read)[] _processes;
    private readonly double[] _start;

    private CpuSample((string Name, Func<double> Read)[] processes)
    {
        _processes = processes;
        _start = [.. processes.Select(p => p.Read())];
    }

    public static CpuSample Start(params (string Name, Func<double> Read)[] processes) => new(processes);

    /// <summary>CPU-µs per call of each process since the start, and their sum: "client 41, Gateway 180, …".</summary>
    public string PerCall(int calls)
    {
        var used = _processes.Select((p, i) => (p.Name, Us: (p.Read() - _start[i]) * 1e6 / calls)).ToArray();
        return string.Join(", ", used.Select(u => $"{u.Name} {u.Us:N0}")) + $"; total {used.Sum(u => u.Us):N0} CPU-µs per ballot";
    }
}
