using Xunit.Abstractions;

namespace Blocktrack.Cluster.Tests;

/// <summary>What every virtual-host proof does: a DAO with proposals, a storm of their ballots, and a report of the figures.</summary>
public abstract class VirtualHostsTest(VirtualHostsFixture fixture, ITestOutputHelper output)
{
    protected VirtualHostsFixture Fixture { get; } = fixture;

    /// <summary>
    /// Opens <paramref name="proposals"/> proposals, signs every voter's ballot on each and starts the storm (through
    /// <paramref name="api"/>, default the fixture's Gateway); no new ballot is sent in the last 6 s of voting, so none is
    /// still being retried when voting closes.
    /// </summary>
    protected async Task<(StormScenario Scenario, IReadOnlyList<StormProposal> Proposals, BallotStorm Storm, Task Run)> StartStorm(
        string dao, int proposals, TimeSpan votingPeriod, double? perSecond = null, Func<GatewayApi>? api = null)
    {
        var scenario = new StormScenario(Fixture, dao, Report);
        var opened = await scenario.Start(proposals, votingPeriod);
        var storm = new BallotStorm(api ?? (() => Fixture.Api), scenario.SignBallots(opened), concurrency: 24,
            cutOff: opened.Min(p => p.Deadline) - TimeSpan.FromSeconds(6), perSecond);
        return (scenario, opened, storm, storm.RunAsync());
    }

    /// <summary>Why the Gateways answered 503 <c>cluster-unavailable</c>, as they logged it (the exception's type and message).</summary>
    protected string UnavailableCauses() => string.Join("\n", Fixture.Cluster.Gateways
        .SelectMany(g => g.Process.Tail(2000).Split('\n'))
        .Where(l => l.Contains("Governance cluster unavailable", StringComparison.Ordinal))
        .Select(l => l.Trim()).Distinct().Take(10));

    protected void Report(string line)
    {
        output.WriteLine(line);
        Console.WriteLine("[hosts] " + line);
    }
}
