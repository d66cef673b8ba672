using System.ComponentModel;
using System.Diagnostics;

namespace Blocktrack.Tests.Support;

/// <summary>
/// The one way tests run a Node.js script to its end: arguments, optional stdin, extra environment, a time limit. A
/// missing `node` or devchain install fails the test with the fix instead of skipping it, so a differential test never
/// silently stops checking anything.
/// </summary>
public static class NodeScript
{
    public const string InstallHint = "run `npm ci --prefix deploy/devchain` from the repository root";

    /// <summary>deploy/devchain, whose node_modules holds hardhat, solc and ethers for every script the tests run.</summary>
    public static string Devchain => RepoRoot.File("deploy", "devchain");

    public static string DevchainModules => Path.Combine(Devchain, "node_modules");

    /// <summary>Fails the test unless deploy/devchain/node_modules holds <paramref name="module"/> (all of it when null).</summary>
    public static void RequireModule(string? module, string what)
    {
        var path = module is null ? DevchainModules : Path.Combine(DevchainModules, module);
        if (!Directory.Exists(path))
            Assert.Fail($"{Path.GetRelativePath(RepoRoot.Path, path)} is missing, so {what} cannot run: {InstallHint}.");
    }

    /// <summary>A started `node` with redirected output (and input when asked); callers own the process.</summary>
    public static Process Start(string script, NodeRun run)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = run.WorkingDirectory ?? RepoRoot.Path,
            RedirectStandardInput = run.Input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[script, .. run.Arguments])
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in run.Environment)
            start.Environment[name] = value;
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start `node` ({e.Message}); install Node.js 20+ and {InstallHint}.", e);
        }
    }

    /// <summary>Runs <paramref name="script"/> to its end; one still running after the time limit is killed and fails the test.</summary>
    public static async Task<NodeResult> RunAsync(string script, NodeRun? run = null)
    {
        run ??= new NodeRun();
        using var process = Start(script, run);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (run.Input is not null)
        {
            await process.StandardInput.WriteAsync(run.Input);
            process.StandardInput.Close();
        }
        using var cancel = new CancellationTokenSource(run.Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node {Path.GetFileName(script)} did not finish within {run.Timeout.TotalSeconds} s.");
        }
        return new NodeResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs a script of deploy/devchain (deploy.mjs, demo scripts) in that folder, as its README does.</summary>
    public static Task<NodeResult> RunInDevchainAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        RequireModule(null, $"node {script}");
        return RunAsync(script, new NodeRun { WorkingDirectory = Devchain, Arguments = arguments, Timeout = timeout });
    }

    /// <summary><see cref="RunAsync"/> for synchronous tests.</summary>
    public static NodeResult Run(string script, NodeRun? run = null) => RunAsync(script, run).GetAwaiter().GetResult();
}

/// <summary>How to run a script: its arguments, what it reads on stdin, extra environment, its folder and time limit.</summary>
public sealed record NodeRun
{
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public string? Input { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The repository root unless set.</summary>
    public string? WorkingDirectory { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>What a script left behind: its exit code and both output streams.</summary>
public sealed record NodeResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Both streams, stdout first, as a terminal would show them.</summary>
    public string Output => Stdout + Stderr;

    /// <summary><c>var (exitCode, output) = await NodeScript.RunInDevchainAsync(…)</c>, when the streams need not be apart.</summary>
    public void Deconstruct(out int exitCode, out string output) => (exitCode, output) = (ExitCode, Output);
}
