using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>
/// Analytics across a silo restart, on SQLite and the fake clock: 600 voters' power and ballots are in, the silo restarts,
/// and the power distribution replays its log to the same figures; the vote then closes (woken by reminders alone) and its
/// two pages of ballots are read with every ballot counted exactly once. (A restart while a page is being read is not
/// timed here: stopping the silo then waits for the page's calls, about 30 s; the repeat of that page is pinned by
/// AnalyticsTests' delegate-record test.)
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class AnalyticsRestartTests : IAsyncLifetime
{
    private const int Voters = 600;

    private readonly DurableFakeClockCluster _world = new();

    public Task InitializeAsync() => _world.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task After_a_restart_the_distribution_replays_and_every_ballot_is_read_once()
    {
        var s = new DaoScenario(_world, "restart-insight");
        await s.Create();
        var voters = Enumerable.Range(0, Voters).Select(i => DaoScenario.Address(0x5000 + i)).ToArray();
        // Power as the chain watchers feed it (one write per voter, the votable supply once), not through delegation:
        // the supply grain would otherwise be written once per voter.
        var at = s.Now - 5;
        await Task.WhenAll(voters.Select((v, i) => s.Grains.GetGrain<IVoterGrain>(v).ApplyChainVotes(s.Token, 1, i, at, 1 + i % 7)));
        await s.Grains.GetGrain<ITokenSupplyGrain>(s.Token).ApplyChainDelta(1, 0, at, voters.Select((_, i) => 1 + i % 7).Sum());
        s.Advance(TimeSpan.FromSeconds(1));
        var proposal = await s.Propose(voters[0], "standard");
        await s.OpenVoting(proposal.Id);
        await Task.WhenAll(voters.Select((v, i) => s.Vote(proposal.Id, v, i % 3 == 0 ? Support.Against : Support.For)));
        var distribution = s.Grains.GetGrain<IPowerDistributionGrain>(s.Token);
        var before = await Eventually.Until(() => distribution.GetConcentration(null), c => c.Holders == Voters, what: "power fed");

        await _world.RestartAsync();

        var after = await _world.Grains.GetGrain<IPowerDistributionGrain>(s.Token).GetConcentration(null);
        Assert.Equal(before with { At = after.At }, after);
        await s.CloseVoting(proposal.Id);
        var analytics = _world.Grains.GetGrain<IDaoAnalyticsGrain>(s.Dao);
        await _world.Until(analytics.GetStatus, st => st.ProposalsClosed == 1 && st.Pending == 0, what: "the ballots read");
        var report = await analytics.GetReport(Periods.All);
        var item = Assert.Single(report.Items);
        var cast = voters.Select((_, i) => 1 + i % 7).Sum();
        Assert.Equal((Voters, (long)Voters, Voters, cast), (report.UniqueVoters, item.Ballots, (int)report.Ballots, (int)item.PowerCast));
        Assert.Equal(1_000_000L, item.TurnoutPpm); // every holder voted
        Assert.Equal(0, (await analytics.GetDelegates(s.Token, 500, 1)).Delegates.Count(d => d.VotedLastN != 1));
    }
}
