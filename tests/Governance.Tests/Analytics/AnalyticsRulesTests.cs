using Blocktrack.Grains.Governance.Analytics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests.Analytics;

/// <summary>Medians, ratios, periods, participation windows and a period's report on hand-computed examples.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class AnalyticsRulesTests
{
    [Theory]
    [InlineData(new long[] { 5 }, "5")]
    [InlineData(new long[] { 9, 1, 5 }, "5")]
    [InlineData(new long[] { 4, 1, 3, 2 }, "2.5")] // even: the mean of the two middle ones
    [InlineData(new long[] { 1, 2 }, "1.5")]
    [InlineData(new long[] { 7, 7, 1, 100 }, "7")]
    public void Median_of_odd_and_even_counts(long[] values, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Ratio.Median(values));

    [Fact]
    public void Median_of_nothing_is_null() => Assert.Null(Ratio.Median([]));

    [Fact]
    public void Turnout_in_parts_per_million_rounds_down_and_ratios_round_half_away_from_zero()
    {
        Assert.Equal(333_333, Ratio.Ppm(1, 3));
        Assert.Equal(1_000_000, Ratio.Ppm(5, 5));
        Assert.Equal(0, Ratio.Ppm(5, 0));
        Assert.Equal(0.666666667m, Ratio.ToDecimal(2, 3));
        Assert.Equal(-0.666666667m, Ratio.ToDecimal(-2, 3));
        Assert.Equal(0.5m, Ratio.ToDecimal(1, 2));
        Assert.Equal(0m, Ratio.ToDecimal(1, 0));
    }

    [Theory]
    [InlineData("all", true)]
    [InlineData("2026-11", true)]
    [InlineData("1970-01", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-1", false)]
    [InlineData("26-11", false)]
    [InlineData("1969-12", false)]
    [InlineData("2026/11", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Periods_are_all_or_a_month(string? period, bool valid) => Assert.Equal(valid, Periods.IsValid(period));

    [Fact]
    public void A_proposal_counts_in_the_utc_month_its_vote_closed()
    {
        var lastSecondOfNovember = new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Equal(["2026-11", "all"], Periods.Of(lastSecondOfNovember));
        Assert.Equal("2026-12", Periods.MonthOf(lastSecondOfNovember + 1));
    }

    [Fact]
    public void Participation_over_the_last_n_closed_proposals()
    {
        // Ten proposals closed; the delegate voted on 2, 5, 7, 8 and 10.
        long[] voted = [2, 5, 7, 8, 10];
        var last4 = DelegateParticipation.LastN(10, 4); // 7, 8, 9, 10
        Assert.Equal(new ProposalWindow(6, 10), last4);
        Assert.Equal(3, DelegateParticipation.VotedIn(voted, last4));
        Assert.Equal(0.75m, DelegateParticipation.Rate(3, last4));
        Assert.True(DelegateParticipation.IsActive(3, last4)); // exactly 75% is active
        Assert.False(DelegateParticipation.IsActive(2, last4));
        // Fewer closed than N: the window is all of them.
        var early = DelegateParticipation.LastN(3, 10);
        Assert.Equal((3L, 1), (early.Size, DelegateParticipation.VotedIn(voted, early)));
        Assert.False(DelegateParticipation.IsActive(0, DelegateParticipation.LastN(0, 10))); // nothing to judge by
    }

    [Fact]
    public void Participation_since_a_time_finds_the_first_proposal_closed_at_or_after_it()
    {
        const long day = 86_400;
        long[] closedAt = [0, 10 * day, 50 * day, 95 * day, 100 * day]; // proposals 1..5
        var window = DelegateParticipation.Since(closedAt, 100 * day - 90 * day); // since day 10
        Assert.Equal(new ProposalWindow(1, 5), window); // proposals 2..5
        Assert.Equal(2, DelegateParticipation.VotedIn([1, 2, 5], window));
        Assert.Equal(new ProposalWindow(5, 5), DelegateParticipation.Since(closedAt, 101 * day));
    }

    [Fact]
    public void A_period_report_counts_outcomes_and_takes_medians()
    {
        ProposalFigures P(ProposalOutcome outcome, long? turnout, long? toQuorum, long ballots) =>
            new() { Outcome = outcome, TurnoutPpm = turnout, SecondsToQuorum = toQuorum, Ballots = ballots };
        var report = AnalyticsRules.Report("dao", "2026-11",
        [
            P(ProposalOutcome.Passed, 400_000, 3_600, 10),
            P(ProposalOutcome.Passed, 100_000, 7_200, 4),
            P(ProposalOutcome.NoQuorum, 20_000, null, 2),
            P(ProposalOutcome.Rejected, 300_000, 100, 6),
            P(ProposalOutcome.Canceled, null, null, 0),
        ], uniqueVoters: 12, DateTimeOffset.UnixEpoch);
        Assert.Equal((5, 2, 1, 1, 1), (report.Proposals, report.Passed, report.NoQuorum, report.Rejected, report.Canceled));
        Assert.Equal(0.5m, report.PassRate); // 2 of the 4 that came to a vote
        Assert.Equal(0.2m, report.MedianTurnout); // (100,000 + 300,000) / 2 ppm
        Assert.Equal(3_600m, report.MedianSecondsToQuorum);
        Assert.Equal((12L, 22L, 0), (report.UniqueVoters, report.Ballots, report.Pending));
        Assert.Equal(ProposalOutcome.Rejected, AnalyticsRules.OutcomeOf(quorumReached: true, passed: false));
        Assert.Equal(ProposalOutcome.NoQuorum, AnalyticsRules.OutcomeOf(quorumReached: false, passed: false));
        Assert.Null(AnalyticsRules.SecondsToQuorum(100, null));
    }
}
