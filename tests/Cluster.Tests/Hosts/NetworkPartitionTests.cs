using Xunit.Abstractions;

namespace Blocktrack.Cluster.Tests;

/// <summary>
/// A silo's host drops off the network in the middle of a vote storm: the other silos declare it dead, its grains come
/// back on them, and when the cable is back the cut-off silo learns it was declared dead and stops instead of serving
/// what it held in memory.
/// </summary>
[Collection(VirtualHostsCollection.Name)]
[Trait("Category", TestCategory.Hosts)]
public sealed class NetworkPartitionTests(VirtualHostsFixture fixture, ITestOutputHelper output) : VirtualHostsTest(fixture, output)
{
    private static readonly TimeSpan VotingPeriod = TimeSpan.FromSeconds(45);

    [VirtualHostsFact]
    public async Task A_silo_cut_off_mid_storm_is_declared_dead_its_grains_move_and_it_stops_once_it_hears_so()
    {
        await Fixture.Resize(3);
        var (scenario, proposals, storm, run) = await StartStorm("storm-cut", proposals: 4, VotingPeriod);

        await storm.WhenAcknowledged(storm.Results.Count / 4, run);
        var (victim, hosted) = await scenario.Busiest(proposals);
        var silo = Fixture.Cluster.Silos[victim];
        VirtualNetwork.Cut(silo.Host!);
        var cutAt = storm.Clock.Elapsed;
        Report($"cut silo-{victim} at {silo.Address} off the network (proposals {string.Join(", ", hosted.Proposals)}, {hosted.Shards} shards) "
               + $"at {cutAt.TotalSeconds:F2} s, {storm.Acknowledged} ballots acknowledged");

        var membership = new Membership(Fixture.Cluster);
        var deadAt = await membership.WhenDead(silo, storm, TimeSpan.FromSeconds(30));
        // Serving again: ballots of the cut-off silo's proposals are acknowledged after it was declared dead.
        var moved = hosted.Proposals.ToHashSet();
        await Eventually.Until(() => Task.FromResult(storm.Results.Count(r => moved.Contains(r.Ballot.Proposal) && r.AcknowledgedAt > deadAt)),
            n => n > 0 || run.IsCompleted, TimeSpan.FromSeconds(30), "ballots of the moved proposals to be served again");
        Assert.True(silo.Process.HasExited is false, "the cut-off silo stopped before it could hear it was declared dead");

        VirtualNetwork.Restore(silo.Host!);
        var restoredAt = storm.Clock.Elapsed;
        var exit = await silo.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var stoppedAfter = storm.Clock.Elapsed - restoredAt;
        Assert.True(exit is not null, $"silo-{victim} still runs a minute after its cable came back\n{silo.Process.Tail()}");
        var told = silo.Process.Tail(400);
        Assert.Contains("I have been told I am dead", told, StringComparison.Ordinal);
        Assert.Equal(SiloStatus.Dead, await membership.StatusOf(silo));

        await run;
        var figures = StormFigures.Of(storm, cutAt);
        var detection = deadAt - cutAt;
        Report($"network partition: {figures}; declared dead {detection.TotalSeconds:F2} s after the cut; cable back at "
               + $"{restoredAt.TotalSeconds:F2} s, the silo stopped itself {stoppedAfter.TotalSeconds:F2} s later (exit code {exit})");
        figures.AssertNoErrorOrRefusal(storm, () => Fixture.Cluster.Diagnostics());
        Assert.True(detection < TimeSpan.FromSeconds(20), $"membership took {detection.TotalSeconds:F1} s to declare the cut-off silo dead");
        Assert.True(figures.OutageAfterFault < TimeSpan.FromSeconds(30), $"the cluster took too long to serve every shard again: {figures}");
        Assert.True(storm.Results.Any(r => r.AcknowledgedAt > cutAt + figures.OutageAfterFault), "no ballot was acknowledged after the outage");

        await scenario.WaitExecuted(proposals, slack: TimeSpan.FromSeconds(45));
        await scenario.VerifyCounted(storm, proposals);
        Report($"figures: {figures.Acknowledged} ballots acknowledged, all counted once; detection {detection.TotalSeconds:F2} s; "
               + $"serving every shard again {figures.OutageAfterFault.TotalSeconds:F2} s after the cut; {figures.Unavailable} × 503, "
               + $"{figures.NoAnswer} attempts unanswered within {BallotStorm.AttemptTimeout.TotalSeconds:F0} s, 0 × 500; "
               + $"the cut-off silo stopped {stoppedAfter.TotalSeconds:F2} s after its cable came back");
    }
}
