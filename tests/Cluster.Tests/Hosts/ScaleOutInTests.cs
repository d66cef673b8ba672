using Xunit.Abstractions;

namespace Blocktrack.Cluster.Tests;

/// <summary>
/// Scaling under load, as an autoscaler does it: one silo, two more join mid-storm, then those two get SIGTERM. The
/// storm's throughput is measured in each phase; nothing acknowledged is lost, no 500.
/// </summary>
[Collection(VirtualHostsCollection.Name)]
[Trait("Category", TestCategory.Hosts)]
public sealed class ScaleOutInTests(VirtualHostsFixture fixture, ITestOutputHelper output) : VirtualHostsTest(fixture, output)
{
    private static readonly TimeSpan VotingPeriod = TimeSpan.FromSeconds(50);
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(3);

    [VirtualHostsFact]
    public async Task Two_silos_added_and_removed_with_sigterm_under_load_lose_nothing_and_ballots_keep_flowing()
    {
        await Fixture.Resize(1);
        // A steady offered load one silo can serve, for ~30 s: each phase's rate shows whether scaling disturbs it.
        var (scenario, proposals, storm, run) = await StartStorm("storm-scale", proposals: 8, VotingPeriod, perSecond: Fixture.Voters.Length * 8 / 30.0);
        await storm.WhenAcknowledged(100, run);
        var before = storm.Clock.Elapsed;
        await Delay(Phase, run);
        var outAt = storm.Clock.Elapsed;
        var added = await Task.WhenAll(Fixture.Cluster.StartSiloAsync(), Fixture.Cluster.StartSiloAsync());
        var joinedAt = storm.Clock.Elapsed;
        Report($"silo-{added[0].Index} and silo-{added[1].Index} joined {(joinedAt - outAt).TotalSeconds:F1} s after they were started");
        await Delay(Phase, run);
        var inAt = storm.Clock.Elapsed;
        var stops = await Task.WhenAll(added.Select(Fixture.Stop));
        var leftAt = storm.Clock.Elapsed;
        Report($"silo-{added[0].Index} and silo-{added[1].Index} exited 0 {stops.Max().TotalSeconds:F1} s after SIGTERM");
        Assert.False(run.IsCompleted, "the storm ended before the silos were removed");
        await run;
        var end = storm.Results.Max(r => r.AcknowledgedAt) ?? leftAt;

        var rates = $"ballots/s with 1 silo {storm.Rate(before, outAt):F0}, while 2 joined {storm.Rate(outAt, joinedAt):F0}, "
                    + $"with 3 {storm.Rate(joinedAt, inAt):F0}, while 2 left {storm.Rate(inAt, leftAt):F0}, with 1 again {storm.Rate(leftAt, end):F0}";
        var figures = StormFigures.Of(storm, outAt);
        Report($"scale out and in: {figures}; {rates}");
        figures.AssertNoErrorOrRefusal(storm, () => Fixture.Cluster.Diagnostics());
        Assert.True(storm.Rate(leftAt, end) > 0, "no ballot was acknowledged after the two silos left");

        await scenario.WaitExecuted(proposals, slack: TimeSpan.FromSeconds(45));
        await scenario.VerifyCounted(storm, proposals);
        Report($"figures: {figures.Acknowledged} ballots acknowledged, all counted once; {rates}; {figures.Unavailable} × 503, "
               + $"{figures.NoAnswer} attempts unanswered, 0 × 500");
    }

    /// <summary>Waits, but not past the storm's end.</summary>
    private static Task Delay(TimeSpan time, Task storm) => Task.WhenAny(Task.Delay(time), storm);
}
