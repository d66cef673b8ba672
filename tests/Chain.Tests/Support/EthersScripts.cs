using System.Text.Json.Nodes;
using Blocktrack.Tests.Support;

namespace Blocktrack.Chain.Tests.Support;

/// <summary>Runs the ethers.js reference scripts in tests/Chain.Tests/js with JSON on stdin and stdout.</summary>
internal static class EthersScripts
{
    public static JsonNode Run(string script, JsonNode input)
    {
        NodeScript.RequireModule("ethers", "the ethers.js differential tests");
        var run = NodeScript.Run(RepoRoot.File("tests", "Chain.Tests", "js", script), new NodeRun { Input = input.ToJsonString() });
        if (run.ExitCode != 0)
            Assert.Fail($"node {script} exited with {run.ExitCode}: {run.Stderr}");
        return JsonNode.Parse(run.Stdout) ?? throw new InvalidOperationException($"node {script} printed nothing.");
    }
}
