using System.Net;
using System.Text.Json;
using Blocktrack.Chain;

namespace Blocktrack.Gateway.Tests;

/// <summary>The ethers v6 snippet in docs/API.md, run as written with Node against the test Gateway.</summary>
[Collection(GatewayCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class DocsSnippetTests(GatewayFixture gateway)
{
    [Fact]
    public async Task The_documented_ethers_snippet_casts_a_counted_ballot()
    {
        var proposal = await gateway.Scenario.ProposeActive();
        var script = WriteSnippet();
        string output;
        try
        {
            output = RunNode(script, new Dictionary<string, string>
            {
                ["GATEWAY"] = gateway.Http.BaseAddress!.ToString().TrimEnd('/'),
                ["PROPOSAL"] = proposal,
                ["PRIVATE_KEY"] = Hex.ToHex(TestKey.Alice.PrivateKey),
            });
        }
        finally
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(script)!, recursive: true);
        }

        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal("1000", result.Str("weight"));
        Assert.False(result.GetProperty("replaced").GetBoolean());
        var tally = await Json.Read(await gateway.Http.GetAsync($"/proposals/{proposal}/tally"));
        Assert.Equal("1000", tally.Str("for"));
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.GetAsync($"/proposals/{proposal}")).StatusCode);
    }

    /// <summary>Copies a snippet of docs/API.md into a scratch folder whose node_modules points at the devchain's pinned ethers.</summary>
    internal static string WriteSnippet(string marker = "ballot-snippet", string file = "vote.mjs")
    {
        // Fail loudly: skipping would let the documentation drift unchecked.
        NodeScript.RequireModule("ethers", "the documented snippet");
        var ethers = NodeScript.DevchainModules;

        var guide = File.ReadAllText(RepoRoot.File("docs", "API.md"));
        var start = guide.IndexOf($"<!-- {marker}:start -->", StringComparison.Ordinal);
        var end = guide.IndexOf($"<!-- {marker}:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/API.md lost its {marker} markers.");
        var block = guide[start..end];
        var code = block[(block.IndexOf("```js\n", StringComparison.Ordinal) + 6)..block.LastIndexOf("```", StringComparison.Ordinal)];

        var folder = Directory.CreateTempSubdirectory("gateway-docs-snippet-").FullName;
        Directory.CreateSymbolicLink(System.IO.Path.Combine(folder, "node_modules"), ethers);
        var script = System.IO.Path.Combine(folder, file);
        File.WriteAllText(script, code);
        return script;
    }

    internal static string RunNode(string script, IReadOnlyDictionary<string, string> environment)
    {
        var run = NodeScript.Run(script, new NodeRun
        {
            Environment = environment,
            WorkingDirectory = System.IO.Path.GetDirectoryName(script),
        });
        Assert.True(run.ExitCode == 0, $"The documented snippet exited with {run.ExitCode}: {run.Stderr}");
        return run.Stdout;
    }
}
