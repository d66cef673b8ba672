using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Blocktrack.Chain.Tests.Support;

/// <summary>Runs the ethers.js reference scripts in tests/Chain.Tests/js with JSON on stdin and stdout.</summary>
internal static class EthersScripts
{
    private const string InstallHint = "run `npm ci --prefix deploy/devchain` from the repository root";

    public static JsonNode Run(string script, JsonNode input)
    {
        var root = RepoRoot.Path;
        // A missing install must fail loudly: skipping would let the differential tests silently stop checking anything.
        if (!Directory.Exists(Path.Combine(root, "deploy", "devchain", "node_modules", "ethers")))
            Assert.Fail($"deploy/devchain/node_modules/ethers is missing, so the ethers.js differential tests cannot run: {InstallHint}.");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(root, "tests", "Chain.Tests", "js", script));
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Could not start `node` ({e.Message}); install Node.js 20+ and {InstallHint}.");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input.ToJsonString());
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"node {script} did not finish within 60 s.");
            }
            if (process.ExitCode != 0)
                Assert.Fail($"node {script} exited with {process.ExitCode}: {stderr.Result}");
            return JsonNode.Parse(stdout.Result) ?? throw new InvalidOperationException($"node {script} printed nothing.");
        }
    }
}
