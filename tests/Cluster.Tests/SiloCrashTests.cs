using Xunit.Abstractions;

namespace Blocktrack.Cluster.Tests;

/// <summary>A silo process is SIGKILLed in the middle of a vote storm; nothing acknowledged may be lost, nothing counted twice.</summary>
[Collection(MultiSiloCollection.Name)]
[Trait("Category", TestCategory.Cluster)]
public sealed class SiloCrashTests(MultiSiloFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan VotingPeriod = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task A_silo_killed_mid_storm_loses_no_acknowledged_ballot_and_its_proposals_still_execute()
    {
        var scenario = new StormScenario(fixture, "storm-kill", Report);
        var proposals = await scenario.Start(proposals: 4, VotingPeriod);
        var ballots = scenario.SignBallots(proposals);
        // No new ballot within the last seconds, so none is still being retried when voting closes.
        var storm = new BallotStorm(fixture.Api, ballots, concurrency: 24, cutOff: proposals.Min(p => p.Deadline) - TimeSpan.FromSeconds(6));
        // A quarter waits until the fault is over, so ballots are still being sent after it however fast this machine is.
        storm.HoldBack(ballots.Count / 4);
        var run = storm.RunAsync();

        await storm.WhenAcknowledged(ballots.Count / 4, run);
        var (victim, hosted) = await scenario.Busiest(proposals);
        fixture.Cluster.KillSilo(victim);
        // Measured once the process is gone: a request sent from here on cannot be served by the dead silo.
        var killedAt = storm.Clock.Elapsed;
        Report($"killed silo-{victim} (proposals {string.Join(", ", hosted.Proposals)}, {hosted.Shards} shards) at {killedAt.TotalSeconds:F2} s, {storm.Acknowledged} ballots acknowledged");
        var declaredDead = WhenDeclaredDead(fixture.Cluster.Silos[victim].Endpoint, storm);
        // A replacement joins while the storm goes on, as an orchestrator would restart the pod.
        var replacement = fixture.Cluster.StartSiloAsync();
        var deadAt = await declaredDead;
        storm.Release();

        await run;
        var figures = StormFigures.Of(storm, killedAt);
        var deadAfter = deadAt - killedAt;
        Report($"silo kill: {figures}; membership declared silo-{victim} dead {deadAfter.TotalSeconds:F2} s after the kill");
        figures.AssertNoErrorOrRefusal(storm, () => fixture.Cluster.Diagnostics());
        Assert.True(figures.FirstOkAfterFault < TimeSpan.FromSeconds(15), $"no ballot served soon after the kill: {figures}");
        Assert.True(deadAfter < TimeSpan.FromSeconds(20), $"membership took {deadAfter.TotalSeconds:F1} s to declare the killed silo dead");
        Assert.True(figures.OutageAfterFault < TimeSpan.FromSeconds(30), $"the cluster took too long to serve every shard again: {figures}");
        Assert.True(storm.Results.Any(r => r.AcknowledgedAt > killedAt + figures.OutageAfterFault), "no ballot was acknowledged after the outage");

        var rejoined = await replacement;
        Report($"silo-{rejoined.Index} joined as the replacement");
        await scenario.WaitExecuted(proposals, slack: TimeSpan.FromSeconds(45));
        await scenario.VerifyCounted(storm, proposals);
        Report($"figures: {figures.Acknowledged} ballots acknowledged; declared dead {deadAfter.TotalSeconds:F2} s and first 200 {figures.FirstOkAfterFault?.TotalSeconds:F2} s after the kill; " +
               $"last failed attempt {figures.OutageAfterFault.TotalSeconds:F2} s after it; {figures.Unavailable} × 503, {figures.NoAnswer} attempts unanswered within {BallotStorm.AttemptTimeout.TotalSeconds:F0} s");
    }

    /// <summary>Storm time at which the cluster's membership no longer lists the silo at <paramref name="silo"/> as active.</summary>
    private async Task<TimeSpan> WhenDeclaredDead(System.Net.IPEndPoint silo, BallotStorm storm)
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var until = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < until)
        {
            try
            {
                var hosts = await management.GetHosts(onlyActive: true);
                if (!hosts.Keys.Any(h => h.Endpoint.Equals(silo))) return storm.Clock.Elapsed;
            }
            catch (Exception e) when (e is Orleans.Runtime.OrleansException or TimeoutException)
            {
                // The management call itself may land on the dead silo until it is declared dead.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The silo at {silo} was still listed as active a minute after it was killed.");
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine("[cluster] " + line);
    }
}
