using System.Runtime.InteropServices;

namespace Blocktrack.Benchmarks;

/// <summary>The machine the figures were measured on, read at run time so the report cannot drift from the hardware.</summary>
public static class MachineInfo
{
    public static IReadOnlyList<(string Name, string Value)> Read() =>
    [
        ("CPU", $"{Environment.ProcessorCount} cores, {CpuModel()}"),
        ("Memory", $"{MemTotalGiB():F1} GiB"),
        ("OS", RuntimeInformation.OSDescription),
        (".NET", $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})"),
        ("GC", System.Runtime.GCSettings.IsServerGC ? "server" : "workstation"),
    ];

    private static string CpuModel() => FirstValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();

    private static double MemTotalGiB()
    {
        var kb = FirstValue("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.TryParse(kb, out var v) ? v / 1024.0 / 1024.0 : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024;
    }

    private static string? FirstValue(string file, string key)
    {
        if (!File.Exists(file)) return null;
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }
}
