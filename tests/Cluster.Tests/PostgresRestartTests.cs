using System.Diagnostics;
using Xunit.Abstractions;

namespace Blocktrack.Cluster.Tests;

/// <summary>PostgreSQL restarts in the middle of a vote storm: the Gateway answers 503 with Retry-After (never 500) and nothing acknowledged is lost.</summary>
[Collection(MultiSiloCollection.Name)]
[Trait("Category", TestCategory.Cluster)]
public sealed class PostgresRestartTests(MultiSiloFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan VotingPeriod = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_database_restart_mid_storm_answers_503_with_retry_after_and_loses_no_acknowledged_ballot()
    {
        var scenario = new StormScenario(fixture, "storm-db", Report);
        var proposals = await scenario.Start(proposals: 4, VotingPeriod);
        var ballots = scenario.SignBallots(proposals);
        var storm = new BallotStorm(fixture.Api, ballots, concurrency: 24, cutOff: proposals.Min(p => p.Deadline) - TimeSpan.FromSeconds(6));
        // A quarter waits until the fault is over, so ballots are still being sent after it however fast this machine is.
        storm.HoldBack(ballots.Count / 4);
        var run = storm.RunAsync();

        await storm.WhenAcknowledged(ballots.Count / 4, run);
        var stoppedAt = storm.Clock.Elapsed;
        var restart = Stopwatch.StartNew();
        await fixture.Cluster.RestartPostgresAsync(Downtime);
        var backAt = storm.Clock.Elapsed;
        storm.Release();
        Report($"PostgreSQL stopped at {stoppedAt.TotalSeconds:F2} s, back at {backAt.TotalSeconds:F2} s ({restart.Elapsed.TotalSeconds:F1} s), {storm.Acknowledged} ballots acknowledged");

        await run;
        var figures = StormFigures.Of(storm, stoppedAt);
        var afterBack = StormFigures.Of(storm, backAt);
        Report($"PostgreSQL restart: {figures}");
        Assert.True(figures.Unavailable > 0, $"no 503 while the database was down: {figures}");
        figures.AssertNoErrorOrRefusal(storm, () => fixture.Cluster.Diagnostics());
        Assert.True(afterBack.OutageAfterFault < TimeSpan.FromSeconds(20), $"ballots kept failing long after the database was back: {afterBack}");
        Assert.True(storm.Results.Any(r => r.AcknowledgedAt > backAt + afterBack.OutageAfterFault), "no ballot was acknowledged after the database returned");

        await scenario.WaitExecuted(proposals, slack: TimeSpan.FromSeconds(45));
        await scenario.VerifyCounted(storm, proposals);
        Report($"figures: {figures.Acknowledged} ballots acknowledged; {figures.Unavailable} × 503 (all with Retry-After), {figures.NoAnswer} unanswered, 0 × 500; " +
               $"first 200 {afterBack.FirstOkAfterFault?.TotalSeconds:F2} s after the database was back, last failed attempt {afterBack.OutageAfterFault.TotalSeconds:F2} s after it");
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine("[cluster] " + line);
    }
}
