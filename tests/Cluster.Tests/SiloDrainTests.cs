using Xunit.Abstractions;

namespace Blocktrack.Cluster.Tests;

/// <summary>
/// A silo gets SIGTERM in the middle of a vote storm, as on a Kubernetes scale-in or upgrade: it finishes its ballot
/// batches, hands its grains over, leaves membership by itself and exits 0; nothing acknowledged is lost.
/// </summary>
[Collection(MultiSiloCollection.Name)]
[Trait("Category", TestCategory.Cluster)]
public sealed class SiloDrainTests(MultiSiloFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan VotingPeriod = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_silo_stopped_with_sigterm_mid_storm_leaves_cleanly_and_loses_no_acknowledged_ballot()
    {
        // A replacement first, as a rolling update with maxSurge 1 brings the new pod up before the old one stops.
        var replacement = await fixture.Cluster.StartSiloAsync();
        var scenario = new StormScenario(fixture, "storm-drain", Report);
        var proposals = await scenario.Start(proposals: 4, VotingPeriod);
        var ballots = scenario.SignBallots(proposals);
        var storm = new BallotStorm(fixture.Api, ballots, concurrency: 24, cutOff: proposals.Min(p => p.Deadline) - TimeSpan.FromSeconds(6));
        // A quarter waits until the fault is over, so ballots are still being sent after it however fast this machine is.
        storm.HoldBack(ballots.Count / 4);
        var run = storm.RunAsync();

        await storm.WhenAcknowledged(ballots.Count / 4, run);
        var (victim, hosted) = await scenario.Busiest(proposals);
        var silo = fixture.Cluster.Silos[victim];
        silo.Process.Terminate();
        var terminatedAt = storm.Clock.Elapsed;
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        Report($"SIGTERM to silo-{victim} (proposals {string.Join(", ", hosted.Proposals)}, {hosted.Shards} shards) at {terminatedAt.TotalSeconds:F2} s, "
               + $"{storm.Acknowledged} ballots acknowledged; silo-{replacement.Index} had joined before");
        var exitCode = await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(40));
        var exitedAfter = stopping.Elapsed;
        Assert.True(exitCode == 0, $"silo-{victim} exit code {exitCode?.ToString() ?? "none (still running)"}\n{silo.Process.Tail()}");
        var left = await Membership(silo.Endpoint);
        storm.Release();
        Assert.True(left == "Dead", $"silo-{victim} is '{left}' in membership after it exited: it did not leave by itself");

        await run;
        var figures = StormFigures.Of(storm, terminatedAt);
        Report($"silo drain: {figures}; silo-{victim} exited 0 after {exitedAfter.TotalSeconds:F2} s, membership status {left}");
        figures.AssertNoErrorOrRefusal(storm, () => fixture.Cluster.Diagnostics());
        Assert.True(storm.Results.Any(r => r.AcknowledgedAt > terminatedAt + exitedAfter), "no ballot was acknowledged after the silo left");

        await scenario.WaitExecuted(proposals, slack: TimeSpan.FromSeconds(45));
        await scenario.VerifyCounted(storm, proposals);
        Report($"figures: {figures.Acknowledged} ballots acknowledged, all counted once; silo exited 0 in {exitedAfter.TotalSeconds:F2} s; "
               + $"{figures.Unavailable} × 503, {figures.NoAnswer} unanswered attempts, 0 × 500");
    }

    /// <summary>
    /// The silo's status in membership, as the other silos see it. Read right after its exit, Dead means it wrote so
    /// itself: being declared dead by the others takes missed probes, seconds at least.
    /// </summary>
    private async Task<string> Membership(System.Net.IPEndPoint silo)
    {
        var hosts = await fixture.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
        return hosts.Where(h => h.Key.Endpoint.Equals(silo)).MaxBy(h => h.Key.Generation).Value.ToString();
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine("[cluster] " + line);
    }
}
