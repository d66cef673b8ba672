using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Grains.Analytics;
using Blocktrack.Grains.Governance.Analytics;
using Blocktrack.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace Blocktrack.Grains.Tests;

/// <summary>
/// A DAO's analytics on the fake clock: proposals passing, failing quorum and canceled; turnout, unique voters, delegate
/// participation and rationale; concentration fed by the voters; nudges; and every update applied once.
/// </summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class AnalyticsTests(FakeClockClusterFixture fixture)
{
    private static readonly string A = DaoScenario.Address(0x91), B = DaoScenario.Address(0x92), C = DaoScenario.Address(0x93),
        D = DaoScenario.Address(0x94);

    [Fact]
    public async Task Closed_proposals_give_outcomes_turnout_voters_participation_and_concentration()
    {
        var s = new DaoScenario(fixture, "insight");
        await s.Create();
        await s.Fund(A, 600);
        await s.Fund(B, 300);
        await s.Fund(C, 100);
        await s.Fund(D, 10);
        s.Advance(TimeSpan.FromSeconds(1));
        var analytics = s.Grains.GetGrain<IDaoAnalyticsGrain>(s.Dao);

        // Proposal 1: A For, B Against with a reason: quorum (4% of 1,010) and a majority: passed.
        var first = await s.Propose(A, "standard");
        var second = await s.Propose(B, "standard");
        var canceled = await s.Propose(C, "standard");
        await s.Grains.GetGrain<IProposalGrain>(canceled.Id).Cancel(C);
        await s.OpenVoting(first.Id);
        await Vote(s, first.Id, A, Support.For, "");
        await Vote(s, first.Id, B, Support.Against, "Too expensive");
        // Proposal 2: D For (10 < 40 needed), A Against (does not count for quorum): no quorum.
        await Vote(s, second.Id, D, Support.For, "");
        await Vote(s, second.Id, A, Support.Against, "  ");
        await s.CloseVoting(first.Id);
        await s.WaitFor(first.Id, ProposalState.Queued);
        await s.WaitFor(second.Id, ProposalState.Defeated);
        await Eventually.Until(analytics.GetStatus, st => st.ProposalsClosed == 3 && st.Pending == 0, what: "analytics read");

        var report = await analytics.GetReport(Periods.All);
        Assert.Equal((3, 1, 1, 0, 1), (report.Proposals, report.Passed, report.NoQuorum, report.Rejected, report.Canceled));
        Assert.Equal(0.5m, report.PassRate);
        Assert.Equal((3L, 4L, 0), (report.UniqueVoters, report.Ballots, report.Pending)); // A, B, D
        var one = report.Items.Single(i => i.Proposal == first.Id);
        var two = report.Items.Single(i => i.Proposal == second.Id);
        Assert.Equal((900, 1010, 891_089L), ((int)one.PowerCast, (int)one.Votable, one.TurnoutPpm)); // ⌊900·10⁶ / 1010⌋
        Assert.Equal(603_960L, two.TurnoutPpm); // ⌊610·10⁶ / 1010⌋
        Assert.Equal((891_089m + 603_960m) / 2 / 1_000_000m, report.MedianTurnout);
        Assert.InRange(one.SecondsToQuorum!.Value, 0, 5); // A voted a second after voting opened
        Assert.Null(two.SecondsToQuorum);
        Assert.Null(report.Items.Single(i => i.Proposal == canceled.Id).TurnoutPpm);
        var month = await analytics.GetReport(Periods.MonthOf(one.ClosedAt));
        Assert.Equal((3, 3L), (month.Proposals, month.UniqueVoters));
        Assert.Equal(0, (await analytics.GetReport("1999-01")).Proposals);

        // Concentration of the voters' delegated votes, fed by the voter grains: 600, 300, 100, 10.
        var power = s.Grains.GetGrain<IPowerDistributionGrain>(s.Token);
        var holdings = new BigInteger[] { 600, 300, 100, 10 };
        var concentration = await power.GetConcentration(null);
        Assert.Equal((4L, 1010), (concentration.Holders, (int)concentration.Votable));
        Assert.Equal((Concentration.Gini(holdings), 1, Concentration.Hhi(holdings)),
            (concentration.Gini, concentration.Nakamoto, concentration.Hhi));
        Assert.Equal(0, (await power.GetConcentration(0)).Holders); // before anyone held power

        // Leaderboard by power over the two proposals that came to a vote: A voted on both (active), B and D on one, C on none.
        var board = await analytics.GetDelegates(s.Token, 10, 10);
        Assert.Equal([A, B, C, D], board.Delegates.Select(d => d.Address));
        var a = board.Delegates[0];
        Assert.Equal((2, 2L, 1m, true), (a.VotedLastN, a.LastN, a.Participation, a.Active));
        Assert.Equal(0m, a.RationaleRate); // blank reasons are no reasons
        var b = board.Delegates[1];
        Assert.Equal((1, 0.5m, 1m, false), (b.VotedLastN, b.Participation, b.RationaleRate, b.Active));
        Assert.Equal(Math.Round(600m / 1010m, Ratio.Scale, MidpointRounding.AwayFromZero), a.PowerShare);

        // Nudges: B, C and D below 75%; a new proposal nobody has voted on, closing within a day, below quorum.
        var quiet = await s.Propose(A, "standard");
        await s.OpenVoting(quiet.Id);
        s.Advance(TimeSpan.FromDays(2.5));
        var nudges = await analytics.GetNudges(new NudgeQuery { Token = s.Token });
        Assert.Equal([B, C, D], nudges.Delegates.Select(d => d.Address));
        var closing = Assert.Single(nudges.Proposals);
        Assert.Equal((quiet.Id, 0, 40), (closing.Proposal, (int)closing.QuorumVotes, (int)closing.QuorumRequired));
        Assert.Empty((await analytics.GetNudges(new NudgeQuery { Token = s.Token, ClosingWithinSeconds = 3_600 })).Proposals);

        // Once only: the same closed fact again changes nothing.
        await analytics.ProposalClosed(new AnalyticsProposal { Proposal = first.Id, Outcome = ProposalOutcome.Passed, Shards = 1 });
        Assert.Equal(3, (await analytics.GetReport(Periods.All)).Proposals);
        await Assert.ThrowsAsync<GovernanceException>(() => analytics.GetReport("2026-13"));
    }

    [Fact]
    public async Task A_delegate_record_answers_a_repeated_page_the_same_and_counts_it_once()
    {
        var record = fixture.Grains.GetGrain<IDelegateActivityGrain>(Names.ParticipantKey("replay", A));
        Assert.Equal(new DelegateRecorded(true, true), await record.Record(1, "2026-11", withReason: true));
        Assert.Equal(new DelegateRecorded(true, true), await record.Record(1, "2026-11", withReason: true)); // the crash repeat
        Assert.Equal(new DelegateRecorded(false, false), await record.Record(2, "2026-11", withReason: false));
        Assert.Equal(new DelegateRecorded(true, false), await record.Record(3, "2026-12", withReason: false));
        var row = await record.GetStanding(new DelegateWindows { LastNAfter = 0, LastNTo = 4, SinceAfter = 2, SinceTo = 4 }, 5);
        Assert.Equal((3, 4L, 0.75m, 1, 3L), (row.VotedLastN, row.LastN, row.Participation, row.Voted90Days, row.Ballots));
        Assert.Equal(0.333333333m, row.RationaleRate);
    }

    [Fact]
    public async Task A_delegate_record_lists_the_proposals_voted_on_newest_first_once_each_and_at_most_the_kept_number()
    {
        var record = fixture.Grains.GetGrain<IDelegateActivityGrain>(Names.ParticipantKey("ballot-index", A));
        VotedProposal Voted(long n) => new() { Index = n, Proposal = $"ballot-index/{n}", Shards = 8, ClosedAt = 1_000 + n };
        for (var n = 1; n <= DelegateActivityGrain.Kept + 2; n++) await record.RecordBallot(Voted(n), "2026-11", withReason: false);
        await record.RecordBallot(Voted(DelegateActivityGrain.Kept + 2), "2026-11", withReason: false); // the crash repeat

        var newest = await record.GetVotedProposals(0, 3);
        Assert.Equal(DelegateActivityGrain.Kept, newest.Total);
        Assert.Equal([Voted(1_002), Voted(1_001), Voted(1_000)], newest.Items.ToArray());
        var oldest = await record.GetVotedProposals(DelegateActivityGrain.Kept - 1, 5);
        Assert.Equal([Voted(3)], oldest.Items.ToArray()); // the two oldest dropped out
        Assert.Empty((await record.GetVotedProposals(DelegateActivityGrain.Kept, 5)).Items);
        Assert.Equal(DelegateActivityGrain.Kept + 2, (await record.GetStanding(new DelegateWindows(), 0)).Ballots);
    }

    [Fact]
    public async Task The_power_distribution_applies_a_version_once_and_never_an_older_one()
    {
        var power = fixture.Grains.GetGrain<IPowerDistributionGrain>("analytics-versions");
        await power.Report(A, 1, 100);
        await power.Report(A, 1, 999); // a resend of version 1: already applied
        await power.Report(B, 2, 300);
        await power.Report(B, 1, 50); // older than the last: ignored
        var c = await power.GetConcentration(null);
        Assert.Equal((2L, 400), (c.Holders, (int)c.Votable));
        await power.Report(A, 2, 0); // gone to zero: leaves the population
        Assert.Equal((1L, 1, 1m), ((await power.GetConcentration(null)).Holders, (await power.GetConcentration(null)).Nakamoto,
            (await power.GetConcentration(null)).Hhi));
    }

    [Fact]
    public async Task A_silos_voter_reports_reach_the_distribution_in_batches_and_an_invalid_one_fails_alone()
    {
        const string token = "analytics-relay";
        var relay = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<PowerReportRelay>();
        var reports = Enumerable.Range(1, 3_000).Select(i => relay.Report(token, DaoScenario.Address(0x10_000 + i), 1, i)).ToList();
        var invalid = Assert.Throws<GovernanceException>(() => { _ = relay.Report(token, "not an address", 1, 5); });
        Assert.Equal(GovernanceError.InvalidArgument, invalid.Error);
        await Task.WhenAll(reports).WaitAsync(TimeSpan.FromSeconds(30));

        var c = await fixture.Grains.GetGrain<IPowerDistributionGrain>(token).GetConcentration(null);
        Assert.Equal((3_000L, 3_000 * 3_001 / 2), (c.Holders, (int)c.Votable));
        // At least three batches (1,024 a batch at most), far fewer than one call a report.
        Assert.InRange(relay.BatchesSent(token), 3, 300);
    }

    [Fact]
    public async Task Reports_sent_together_are_refused_together_when_one_is_invalid()
    {
        var power = fixture.Grains.GetGrain<IPowerDistributionGrain>("analytics-many");
        var error = await Assert.ThrowsAsync<GovernanceException>(() =>
            power.ReportMany([new PowerReport(A, 1, 10), new PowerReport(B, 1, -1)]));
        Assert.Equal(GovernanceError.InvalidArgument, error.Error);
        Assert.Equal(0, (await power.GetConcentration(null)).Holders);
        await power.ReportMany([new PowerReport(A, 1, 10), new PowerReport(B, 1, 20), new PowerReport(A, 1, 99)]);
        Assert.Equal((2L, 30), ((await power.GetConcentration(null)).Holders, (int)(await power.GetConcentration(null)).Votable));
    }

    private static Task<BallotReceipt> Vote(DaoScenario s, string proposal, string voter, Support support, string reason) =>
        s.Grains.GetGrain<IProposalGrain>(proposal).CastBallot(new BallotRequest
        {
            Voter = voter, Support = support, Reason = reason, Timestamp = s.Now,
            Digest = Hex.ToHex(Keccak256.Hash($"{voter}|{proposal}|{support}|{reason}")), Signature = "0x",
        });
}
