using System.Diagnostics;

namespace Blocktrack.Chain.Tests.Support;

/// <summary>Runs a script of deploy/devchain with arguments and returns its exit code and output.</summary>
internal static class NodeScript
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var devchain = Path.Combine(RepoRoot.Path, "deploy", "devchain");
        if (!Directory.Exists(Path.Combine(devchain, "node_modules")))
            Assert.Fail("deploy/devchain/node_modules is missing: run `npm ci --prefix deploy/devchain` from the repository root.");
        var start = new ProcessStartInfo("node") { WorkingDirectory = devchain, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node {script} did not finish within {timeout.TotalSeconds} s.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
