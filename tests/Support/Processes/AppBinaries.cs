using System.Reflection;
using System.Runtime.InteropServices;

namespace Blocktrack.Tests.Support;

/// <summary>
/// The built Silo and Gateway assemblies, found from the repository root and the configuration this assembly was built
/// in, so a Release test run launches Release silos.
/// </summary>
public static class AppBinaries
{
    /// <summary>Debug or Release: whatever built this assembly (the referenced projects build in the same one).</summary>
    public static string Configuration { get; } =
        typeof(AppBinaries).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string Silo => Require("Silo", "Blocktrack.Silo.dll");

    public static string Gateway => Require("Gateway", "Blocktrack.Gateway.dll");

    /// <summary>The <c>dotnet</c> host of the running runtime (a test host and an apphost both know where it is).</summary>
    public static string DotnetHost
    {
        get
        {
            var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli)) return fromCli;
            // shared/Microsoft.NETCore.App/<version>/ → the install root three levels up.
            var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            return File.Exists(host) ? host : "dotnet";
        }
    }

    private static string Require(string project, string assembly)
    {
        var path = RepoRoot.File(project, "bin", Configuration, TargetFramework(), assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException(
            $"{path} is missing: build it first (dotnet build {project} -c {Configuration}).", path);
    }

    private static string TargetFramework()
    {
        // ".NETCoreApp,Version=v10.0" → "net10.0": the apps target the same framework as this assembly (not the test host's).
        var name = typeof(AppBinaries).Assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()?.FrameworkName
                   ?? ".NETCoreApp,Version=v10.0";
        return "net" + name[(name.LastIndexOf('v') + 1)..];
    }
}
