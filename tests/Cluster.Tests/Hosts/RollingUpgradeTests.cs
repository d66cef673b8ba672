using System.Diagnostics;
using Xunit.Abstractions;

namespace Blocktrack.Cluster.Tests;

/// <summary>
/// A rolling upgrade under a vote storm, as a Deployment with <c>maxSurge: 1, maxUnavailable: 0</c> does it: every silo
/// is replaced by a freshly started process on a new host (same database), one at a time, the new one ready before the
/// old one gets SIGTERM; then the Gateway the same way. Nothing acknowledged is lost, no 500, every proposal executes.
/// </summary>
[Collection(VirtualHostsCollection.Name)]
[Trait("Category", TestCategory.Hosts)]
public sealed class RollingUpgradeTests(VirtualHostsFixture fixture, ITestOutputHelper output) : VirtualHostsTest(fixture, output)
{
    private static readonly TimeSpan VotingPeriod = TimeSpan.FromSeconds(115);

    [VirtualHostsFact]
    public async Task Every_silo_and_then_the_gateway_replaced_one_at_a_time_mid_storm_loses_nothing_and_every_proposal_executes()
    {
        await Fixture.Resize(3);
        var rotation = new GatewayRotation(Fixture.Api);
        // An offered load that outlasts the upgrade: its steps took 47 - 75 s on a loaded two-core machine (a silo up to 24 s to start).
        var (scenario, proposals, storm, run) = await StartStorm("storm-roll", proposals: 8, VotingPeriod,
            perSecond: Fixture.Voters.Length * 8 / 100.0, api: rotation.Next);
        await storm.WhenAcknowledged(storm.Results.Count / 10, run);
        var startedAt = storm.Clock.Elapsed;

        var old = Fixture.LiveSilos.ToList();
        var steps = new List<string>();
        foreach (var silo in old)
        {
            var step = Stopwatch.StartNew();
            var replacement = await Fixture.Cluster.StartSiloAsync();
            var ready = step.Elapsed;
            var stopped = await Fixture.Stop(silo);
            steps.Add($"silo-{silo.Index} → silo-{replacement.Index} ({replacement.Address}): ready in {ready.TotalSeconds:F1} s, old one exited 0 in {stopped.TotalSeconds:F1} s");
            Report(steps[^1]);
        }

        var gateway = Fixture.Cluster.Gateways[^1];
        var watch = Stopwatch.StartNew();
        var next = await Fixture.Cluster.StartGatewayAsync();
        var nextApi = new GatewayApi(next.Url, Fixture.Cluster.OperatorKey);
        rotation.Add(nextApi);
        var gatewayReady = watch.Elapsed;
        var oldApi = Fixture.Api;
        gateway.Process.Terminate();
        rotation.Remove(oldApi);
        Fixture.Api = nextApi;
        var gatewayExit = await gateway.Process.WaitForExitAsync(VirtualHostsFixture.StopLimit);
        Assert.True(gatewayExit == 0, $"the old Gateway exit code {gatewayExit?.ToString() ?? "none"}\n{gateway.Process.Tail()}");
        steps.Add($"gateway → gateway-{next.Index} at {next.Url}: ready in {gatewayReady.TotalSeconds:F1} s, old one exited 0 in {(watch.Elapsed - gatewayReady).TotalSeconds:F1} s");
        Report(steps[^1]);
        var upgradedAt = storm.Clock.Elapsed;
        Assert.False(run.IsCompleted, $"the storm ended before the upgrade did ({upgradedAt.TotalSeconds:F1} s): offer its ballots more slowly");

        await run;
        oldApi.Dispose();
        var figures = StormFigures.Of(storm, startedAt);
        Report($"rolling upgrade: {figures}; upgrade from {startedAt.TotalSeconds:F1} s to {upgradedAt.TotalSeconds:F1} s");
        figures.AssertNoErrorOrRefusal(storm, () => Fixture.Cluster.Diagnostics());
        Assert.True(storm.Results.Any(r => r.AcknowledgedAt > upgradedAt), "no ballot was acknowledged after the upgrade");

        await scenario.WaitExecuted(proposals, slack: TimeSpan.FromSeconds(45));
        await scenario.VerifyCounted(storm, proposals);
        Report($"figures: {figures.Acknowledged} ballots acknowledged, all counted once, every proposal executed; 3 silos and the "
               + $"Gateway replaced in {(upgradedAt - startedAt).TotalSeconds:F1} s; {figures.Unavailable} × 503, {figures.NoAnswer} attempts "
               + $"unanswered, 0 × 500; ballots/s during the upgrade {storm.Rate(startedAt, upgradedAt):F0}");
    }
}
