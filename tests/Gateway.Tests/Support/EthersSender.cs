using System.Text.Json.Nodes;
using Blocktrack.Chain;

namespace Blocktrack.Gateway.Tests;

/// <summary>A request for ethers to sign (with the types and domain the Gateway publishes at /eip712) and send.</summary>
public sealed record EthersRequest(string Path, string Type, TestKey Key, JsonObject Message);

/// <summary>What the Gateway answered to one signed request.</summary>
public sealed record EthersResult(int Status, JsonNode Body);

/// <summary>Signs requests with ethers v6 in node, exactly as a wallet does, and sends them to a Gateway, in order.</summary>
public static class EthersSender
{
    public static async Task<IReadOnlyList<EthersResult>> Send(GatewayFixture gateway, string purpose, params EthersRequest[] requests)
    {
        NodeScript.RequireModule("ethers", purpose);
        var input = new JsonObject
        {
            ["gateway"] = gateway.Http.BaseAddress!.ToString().TrimEnd('/'),
            ["requests"] = new JsonArray([.. requests.Select(r => (JsonNode)new JsonObject
            {
                ["path"] = r.Path, ["type"] = r.Type, ["key"] = Hex.ToHex(r.Key.PrivateKey), ["message"] = r.Message.DeepClone(),
            })]),
        };
        var run = await NodeScript.RunAsync(RepoRoot.File("tests", "Gateway.Tests", "js", "sign-and-send.mjs"),
            new NodeRun { Input = input.ToJsonString() });
        Assert.True(run.ExitCode == 0, $"sign-and-send.mjs exited with {run.ExitCode}: {run.Stderr}");
        return [.. JsonNode.Parse(run.Stdout)!.AsArray().Select(r => new EthersResult((int)r!["status"]!, r["body"]!))];
    }
}
