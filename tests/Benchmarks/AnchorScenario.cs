using System.Text.Json;
using Blocktrack.Tests.Support;

namespace Blocktrack.Benchmarks;

/// <summary>
/// The anchor: the same number of voters (<c>--anchor-voters</c>) casting gasless ballots through OpenZeppelin Governor's
/// <c>castVoteBySig</c> on a local hardhat chain (the contracts of deploy/devchain; relayers pay, each ballot timed from
/// send to its receipt), and through our Gateway (cluster profile, each ballot timed from send to its 200), with the same
/// number in flight; both figures are medians of <c>--runs</c>, and their ratio is printed.
/// </summary>
public static class AnchorScenario
{
    public static async Task<string> Run(BenchmarkOptions options)
    {
        var voters = options.AnchorVoters;
        string chain;
        double chainMedian;
        await using (var node = await HardhatNode.StartAsync(HardhatNode.DefaultChainId, FreePort.Next(), TimeSpan.FromSeconds(60)))
        {
            var script = Path.Combine(AppContext.BaseDirectory, "anchor-castvotebysig.mjs");
            var result = await NodeScript.RunAsync(script, new NodeRun
            {
                Arguments =
                [
                    "--devchain", NodeScript.Devchain, "--rpc", node.Endpoint.ToString(), "--voters", voters.ToString(),
                    "--concurrency", options.HttpConcurrency.ToString(), "--runs", options.Runs.ToString(),
                ],
                Timeout = TimeSpan.FromMinutes(30),
            });
            Console.Write(string.Concat(result.Stderr.Split('\n').Where(l => l.Length > 0).Select(l => $"  hardhat: {l}\n")));
            if (result.ExitCode != 0) throw new InvalidOperationException($"the castVoteBySig script failed:\n{result.Stderr}");
            var runs = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            foreach (var r in runs) Console.WriteLine($"  castVoteBySig run {r.GetProperty("run")}: {r}");
            chain = Summary(runs);
            chainMedian = new Repeated("", [.. runs.Select(r => r.GetProperty("perSecond").GetDouble())]).Median;
        }
        // The gateway scenario's voters each vote on its two proposals: voters × 2 ballots, the same voters.
        var gateway = await GatewayScenario.RunRepeated(options with { HttpBallots = voters * 2 });
        return $"{voters:N0} voters, {options.HttpConcurrency} in flight: castVoteBySig on hardhat {chain}; Gateway {gateway.Figure}; " +
            $"Gateway / castVoteBySig = {gateway.Median / chainMedian:F1}×";
    }

    private static string Summary(IReadOnlyList<JsonElement> runs) =>
        $"{new Repeated("ballots/s", [.. runs.Select(r => r.GetProperty("perSecond").GetDouble())])}; " +
        $"p50 {new Repeated("ms", [.. runs.Select(r => r.GetProperty("p50").GetDouble())])}; " +
        $"p99 {new Repeated("ms", [.. runs.Select(r => r.GetProperty("p99").GetDouble())])}" +
        (runs.Sum(r => r.GetProperty("failures").GetInt32()) is var f and > 0 ? $"; {f} failed" : "");
}
