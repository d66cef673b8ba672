using Xunit.Abstractions;

namespace Blocktrack.Cluster.Tests;

/// <summary>
/// One of three silos, each on its own host, gets SIGTERM in the middle of a vote storm (a scale-in, a node drain): it
/// finishes its ballot batches, hands its grains over and leaves membership; nothing acknowledged is lost, no 500.
/// </summary>
[Collection(VirtualHostsCollection.Name)]
[Trait("Category", TestCategory.Hosts)]
public sealed class SigtermDrainTests(VirtualHostsFixture fixture, ITestOutputHelper output) : VirtualHostsTest(fixture, output)
{
    private static readonly TimeSpan VotingPeriod = TimeSpan.FromSeconds(40);

    [VirtualHostsFact]
    public async Task A_silo_of_three_stopped_with_sigterm_mid_storm_loses_no_acknowledged_ballot()
    {
        await Fixture.Resize(3);
        // Paced (~16 s of ballots), so the storm goes on well past the silo's exit: unpaced, it was over 0.2 s after it.
        var (scenario, proposals, storm, run) = await StartStorm("storm-term", proposals: 8, VotingPeriod, perSecond: 150);

        await storm.WhenAcknowledged(storm.Results.Count / 4, run);
        var (victim, hosted) = await scenario.Busiest(proposals);
        var silo = Fixture.Cluster.Silos[victim];
        var terminatedAt = storm.Clock.Elapsed;
        var stopping = Fixture.Stop(silo);
        Report($"SIGTERM to silo-{victim} at {silo.Address} (proposals {string.Join(", ", hosted.Proposals)}, {hosted.Shards} shards) at "
               + $"{terminatedAt.TotalSeconds:F2} s, {storm.Acknowledged} ballots acknowledged");
        var exitedAfter = await stopping;
        var status = await new Membership(Fixture.Cluster).StatusOf(silo);
        Assert.True(status == SiloStatus.Dead, $"silo-{victim} is '{status}' in membership after it exited: it did not leave by itself");

        await run;
        var figures = StormFigures.Of(storm, terminatedAt);
        Report($"SIGTERM drain: {figures}; silo-{victim} exited 0 after {exitedAfter.TotalSeconds:F2} s");
        if (figures.Unavailable > 0) Report($"503 causes: {UnavailableCauses()}");
        figures.AssertNoErrorOrRefusal(storm, () => Fixture.Cluster.Diagnostics());
        Assert.True(storm.Results.Any(r => r.AcknowledgedAt > terminatedAt + exitedAfter), "no ballot was acknowledged after the silo left");

        await scenario.WaitExecuted(proposals, slack: TimeSpan.FromSeconds(45));
        await scenario.VerifyCounted(storm, proposals);
        Report($"figures: {figures.Acknowledged} ballots acknowledged, all counted once; silo exited 0 in {exitedAfter.TotalSeconds:F2} s; "
               + $"{figures.Unavailable} × 503, {figures.NoAnswer} attempts unanswered, 0 × 500; slowest answer "
               + $"{storm.Events.Max(e => e.Latency).TotalSeconds:F2} s");
    }
}
