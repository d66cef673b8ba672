using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>
/// A grant program from opening to close on the fake clock: three grants (one completed, one clawed back, one overdue), the
/// budget ledger balancing at every step, the free budget back in the treasury, decisions by proposal and the SDG caps.
/// </summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class GrantProgramTests(FakeClockClusterFixture fixture)
{
    private const long Day = 86_400;
    private static readonly string Voter = DaoScenario.Address(0x61), Member1 = DaoScenario.Address(0x62),
        Member2 = DaoScenario.Address(0x63), Outsider = DaoScenario.Address(0x64);
    private static readonly string[] Applicants = [DaoScenario.Address(0x71), DaoScenario.Address(0x72), DaoScenario.Address(0x73)];

    private async Task<DaoScenario> Setup(string name, SdgPolicy? sdg = null, ParticipationRules? participation = null)
    {
        var s = new DaoScenario(fixture, name);
        await s.Create(s.Constitution() with { Sdg = sdg, Participation = participation }, new DaoRoles { Committee = [Member1, Member2] },
            treasury: 1_000_000);
        await s.Fund(Voter, 1000);
        return s;
    }

    private static GrantProgramTerms Terms(DaoScenario s, BigInteger budget, int approvals = 2) => new()
    {
        Name = "Education grants", Asset = "btk", Budget = budget, ApplicationsOpen = s.Now, ApplicationsClose = s.Now + 30 * Day,
        EndsAt = s.Now + 120 * Day, Approvals = approvals, MaxGrant = 50_000, Sdgs = [4],
    };

    private static async Task<ProposalInfo> Execute(DaoScenario s, params ProposalAction[] actions)
    {
        var done = await s.Pass(await s.Propose(Voter, "constitutional", actions), Voter);
        Assert.True(done.State == ProposalState.Executed, done.ExecutionError);
        return done;
    }

    private static IGrantProgramGrain Program(DaoScenario s, long n = 1) =>
        s.Grains.GetGrain<IGrantProgramGrain>(Names.ProgramKey(s.Dao, n));

    private static IGrantGrain Grant(DaoScenario s, long m, long n = 1) => s.Grains.GetGrain<IGrantGrain>(Names.GrantKey(s.Dao, n, m));

    private static GrantApplication Application(DaoScenario s, int who, BigInteger amount, params int[] sdgs) => new()
    {
        Applicant = Applicants[who], Recipient = Applicants[who], Title = $"Project {who}", Description = "Courses for teachers",
        Amount = amount, Sdgs = [.. sdgs], Digest = $"0x{who:x64}",
        Milestones =
        [
            new MilestonePlan { Description = "Curriculum", ShareBps = 3333, Due = s.Now + 40 * Day },
            new MilestonePlan { Description = "Pilot", ShareBps = 6667, Due = s.Now + 80 * Day },
        ],
    };

    private static async Task Approve(DaoScenario s, long m)
    {
        await Grant(s, m).Review(Member1, GrantDecision.Approve, "fits the program", $"r1-{m}");
        var approved = await Grant(s, m).Review(Member2, GrantDecision.Approve, "agreed", $"r2-{m}");
        Assert.Equal(GrantStatus.Active, approved.Status);
    }

    private static async Task<GrantInfo> PayMilestone(DaoScenario s, long m, int k, int reviewers = 2)
    {
        await Grant(s, m).Submit(Applicants[m - 1], k, $"https://example.org/evidence/{m}/{k}", "0x" + new string('a', 64), $"s-{m}-{k}");
        var reviewed = await Grant(s, m).ReviewMilestone(Member1, k, true, "delivered", $"m1-{m}-{k}");
        return reviewers == 1 ? reviewed : await Grant(s, m).ReviewMilestone(Member2, k, true, "delivered", $"m2-{m}-{k}");
    }

    private static async Task<ProgramLedger> Ledger(DaoScenario s)
    {
        var ledger = (await Program(s).GetInfo(0, 10)).Ledger;
        Assert.True(ledger.Balances, $"out of balance: {ledger}");
        return ledger;
    }

    [Fact]
    public async Task A_program_runs_from_opening_to_close_with_a_completed_a_clawed_back_and_an_overdue_grant()
    {
        var s = await Setup("grants-lifecycle");
        await Execute(s, new OpenGrantProgram(Terms(s, 100_000)));
        Assert.Equal(900_000, (await s.DaoGrain.GetInfo()).Treasury["btk"]);
        Assert.Equal(1, (await s.DaoGrain.GetInfo()).GrantPrograms);
        Assert.Equal(new ProgramLedger { Budget = 100_000, Free = 100_000 }, await Ledger(s));

        for (var i = 0; i < 3; i++) Assert.Equal(i + 1, (await Program(s).Apply(Application(s, i, 30_000))).Number);
        // The same signed application again is the same grant.
        Assert.Equal(1, (await Program(s).Apply(Application(s, 0, 30_000))).Number);
        var outsider = await Assert.ThrowsAsync<GovernanceException>(() => Grant(s, 1).Review(Outsider, GrantDecision.Approve, "", "x"));
        Assert.Equal(GovernanceError.NotAuthorized, outsider.Error);

        // One approval of two reserves nothing; the second does.
        var once = await Grant(s, 1).Review(Member1, GrantDecision.Approve, "fits", "r1-1");
        Assert.Equal((GrantStatus.Pending, 100_000), (once.Status, (int)(await Ledger(s)).Free));
        await Grant(s, 1).Review(Member2, GrantDecision.Approve, "agreed", "r2-1");
        await Approve(s, 2);
        await Approve(s, 3);
        Assert.Equal(new ProgramLedger { Budget = 100_000, Reserved = 90_000, Free = 10_000 }, await Ledger(s));

        // Grant 1 delivers both milestones: 9,999 then the remainder 20,001.
        s.Advance(TimeSpan.FromDays(35));
        var first = await PayMilestone(s, 1, 0);
        Assert.Equal((MilestoneStatus.Paid, 9_999), (first.Milestones[0].Status, (int)first.Milestones[0].Amount));
        Assert.Equal(9_999, (int)first.Paid);
        var done = await PayMilestone(s, 1, 1);
        Assert.Equal((GrantStatus.Completed, 30_000), (done.Status, (int)done.Paid));

        // Grant 2 delivers the first milestone, then the committee cancels it: 20,001 comes back, 9,999 stays paid.
        await PayMilestone(s, 2, 0);
        await Grant(s, 2).Review(Member1, GrantDecision.Cancel, "stopped delivering", "c1-2");
        var canceled = await Grant(s, 2).Review(Member2, GrantDecision.Cancel, "agreed", "c2-2");
        Assert.Equal((GrantStatus.Canceled, 9_999, 20_001), (canceled.Status, (int)canceled.Paid, (int)canceled.ClawedBack));
        Assert.Equal(MilestoneStatus.Canceled, canceled.Milestones[1].Status);
        Assert.Equal(new ProgramLedger { Budget = 100_000, Reserved = 30_000, Paid = 39_999, Free = 30_001 }, await Ledger(s));

        // Grant 3 delivers nothing: past its first due date it is overdue, and the reminder's tick records it once.
        s.Advance(TimeSpan.FromDays(10));
        var late = await Grant(s, 3).Tick();
        Assert.True(late.Milestones[0].Overdue);
        Assert.Single(late.History, e => e.Kind == "overdue");
        await Grant(s, 3).Tick();
        Assert.Single((await Grant(s, 3).GetInfo()).History, e => e.Kind == "overdue");
        Assert.Equal(1, (await Program(s).GetInfo(0, 10)).Overdue);

        // At the end the free budget goes back to the treasury; grant 3's reservation stays until it is canceled.
        s.Advance(TimeSpan.FromDays(80));
        var closed = await Program(s).Tick();
        Assert.True(closed.Closed);
        Assert.Equal(new ProgramLedger { Budget = 100_000, Reserved = 30_000, Paid = 39_999, Returned = 30_001 }, await Ledger(s));
        await Eventually.Until(() => s.DaoGrain.GetInfo(), d => d.Treasury["btk"] == 930_001);
        await Assert.ThrowsAsync<GovernanceException>(() => Program(s).Apply(Application(s, 2, 1_000) with { Digest = "0xnew" }));

        // Canceling the overdue grant after the close returns its reservation to the treasury at once.
        await Grant(s, 3).Review(Member1, GrantDecision.Cancel, "overdue", "c1-3");
        await Grant(s, 3).Review(Member2, GrantDecision.Cancel, "overdue", "c2-3");
        Assert.Equal(new ProgramLedger { Budget = 100_000, Paid = 39_999, Returned = 60_001 }, await Ledger(s));
        await Eventually.Until(() => s.DaoGrain.GetInfo(), d => d.Treasury["btk"] == 960_001);
        // The treasury's flows: the opening balance and the two returns came in, the program's budget went out.
        var flows = Assert.Single(await s.DaoGrain.TreasuryFlowsOf(Periods.All));
        Assert.Equal(("btk", 1_060_001, 100_000), (flows.Asset, (int)flows.In, (int)flows.Out));
        Assert.Equal([flows], (await s.Grains.GetGrain<IDaoAnalyticsGrain>(s.Dao).GetReport(Periods.All)).TreasuryFlows.ToArray());
        var history = (await Grant(s, 2).GetInfo()).History.Select(e => e.Kind).ToList();
        Assert.Equal(["applied", "review-approve", "review-approve", "approved", "milestone-submitted", "milestone-review-approve",
            "milestone-review-approve", "milestone-paid", "review-cancel", "review-cancel", "canceled"], history);
    }

    [Fact]
    public async Task Approvals_never_reserve_past_the_budget_and_a_refused_approval_changes_nothing()
    {
        var s = await Setup("grants-budget");
        await Execute(s, new OpenGrantProgram(Terms(s, 50_000, approvals: 1)));
        await Program(s).Apply(Application(s, 0, 40_000));
        await Program(s).Apply(Application(s, 1, 20_000));
        await Grant(s, 1).Review(Member1, GrantDecision.Approve, "yes", "a1");
        var refused = await Assert.ThrowsAsync<GovernanceException>(() => Grant(s, 2).Review(Member1, GrantDecision.Approve, "yes", "a2"));
        Assert.Equal(GovernanceError.InsufficientFunds, refused.Error);
        var second = await Grant(s, 2).GetInfo();
        Assert.Equal((GrantStatus.Pending, 0), (second.Status, second.Approvals.Length));
        Assert.Equal(new ProgramLedger { Budget = 50_000, Reserved = 40_000, Free = 10_000 }, await Ledger(s));
        var bad = await Assert.ThrowsAsync<GovernanceException>(() => Program(s).Apply(Application(s, 2, 10_000) with
        {
            Milestones = [new MilestonePlan { Description = "All", ShareBps = 9_999, Due = s.Now + Day }],
        }));
        Assert.Contains("sum to exactly 10000", bad.Message);
    }

    [Fact]
    public async Task An_executed_proposal_decides_on_a_grant_whatever_the_committee_count()
    {
        var s = await Setup("grants-by-proposal");
        await Execute(s, new OpenGrantProgram(Terms(s, 100_000, approvals: 2)));
        await Program(s).Apply(Application(s, 0, 30_000));
        await Execute(s, new DecideGrant(1, 1, GrantDecision.Approve, "the whitelist committee voted for it"));
        var approved = await Eventually.Until(() => Grant(s, 1).GetInfo(), g => g.Status == GrantStatus.Active);
        Assert.Contains(approved.History, e => e.Kind == "approved" && e.Actor.StartsWith(s.Dao + "/", StringComparison.Ordinal));
        await Execute(s, new DecideGrant(1, 1, GrantDecision.Cancel, "clawed back by the DAO"));
        var canceled = await Eventually.Until(() => Grant(s, 1).GetInfo(), g => g.Status == GrantStatus.Canceled);
        Assert.Equal(30_000, (int)canceled.ClawedBack);
        // A decision that no longer applies is recorded as refused, and taken once.
        await Execute(s, new DecideGrant(1, 1, GrantDecision.Approve, "too late"));
        await Eventually.Until(() => Grant(s, 1).GetInfo(), g => g.History.Any(e => e.Kind == "decision-refused"));
        Assert.Equal(new ProgramLedger { Budget = 100_000, Free = 100_000 }, await Ledger(s));
        var unknown = await s.Pass(
            await s.Propose(Voter, "constitutional", new DecideGrant(2, 1, GrantDecision.Approve, "no such")), Voter);
        Assert.Contains("no grant program 2", unknown.ExecutionError);
    }

    [Fact]
    public async Task SDG_caps_bound_programs_and_grants_and_the_report_counts_them()
    {
        var s = await Setup("grants-sdg", new SdgPolicy
        {
            PeriodSeconds = 365 * Day,
            Caps = [new SdgCap { Goal = 4, Asset = "btk", Amount = 120_000 }, new SdgCap { Goal = 10, Asset = "btk", Amount = 25_000 }],
        });
        await Execute(s, new OpenGrantProgram(Terms(s, 100_000, approvals: 1)));
        var over = await s.Pass(await s.Propose(Voter, "constitutional", new TreasuryTransfer("btk", Outsider, 30_000, [4])), Voter);
        Assert.Contains("SDG 4 may receive at most 120000", over.ExecutionError);
        await Execute(s, new TreasuryTransfer("btk", Outsider, 20_000, [4, 8]));

        // A grant tagged with a goal its program does not serve counts under that goal's cap when approved.
        await Program(s).Apply(Application(s, 0, 20_000, 4, 10));
        await Program(s).Apply(Application(s, 1, 10_000, 10));
        await Grant(s, 1).Review(Member1, GrantDecision.Approve, "yes", "a1");
        var capped = await Assert.ThrowsAsync<GovernanceException>(() => Grant(s, 2).Review(Member1, GrantDecision.Approve, "yes", "a2"));
        Assert.Equal(GovernanceError.SdgCapExceeded, capped.Error);
        Assert.Equal(GrantStatus.Pending, (await Grant(s, 2).GetInfo()).Status);
        s.Advance(TimeSpan.FromDays(35));
        await PayMilestone(s, 1, 0, reviewers: 1);

        var report = await s.DaoGrain.GetSdgReport(null);
        var goals = report.Goals.ToDictionary(g => g.Goal);
        Assert.Equal([4, 8, 10], goals.Keys.Order());
        Assert.Equal((120_000, 6_666, 1), ((int)goals[4].Allocated["btk"], (int)goals[4].Paid["btk"], goals[4].Grants));
        Assert.Equal((20_000, 0), ((int)goals[8].Allocated["btk"], goals[8].Grants));
        Assert.Equal((20_000, 6_666, 1), ((int)goals[10].Allocated["btk"], (int)goals[10].Paid["btk"], goals[10].Grants));
        // Three proposals carried goal 4 (the program, the refused and the executed transfer); all three were decided.
        Assert.Equal((3, 3), (goals[4].Proposals, goals[4].ProposalsDecided));
        Assert.True(goals[4].MeanTurnoutBps > 0);
        Assert.Empty((await s.DaoGrain.GetSdgReport(report.Period + 1)).Goals);
    }

    [Fact]
    public async Task Each_delivered_milestone_earns_its_grantee_points_and_milestone_badges_once()
    {
        var s = await Setup("grants-points", participation: new ParticipationRules
        {
            MilestonePoints = 7,
            Badges = [new BadgeRule { Id = "builder", Name = "Builder", Kind = BadgeKind.MilestonesDelivered, Threshold = 2 }],
        });
        await Execute(s, new OpenGrantProgram(Terms(s, 100_000, approvals: 1)));
        await Program(s).Apply(Application(s, 0, 30_000));
        await Grant(s, 1).Review(Member1, GrantDecision.Approve, "yes", "a1");
        var participant = s.Grains.GetGrain<IParticipantGrain>(Names.ParticipantKey(s.Dao, Applicants[0]));
        await PayMilestone(s, 1, 0, reviewers: 1);
        var one = await Eventually.Until(() => participant.GetInfo(), p => p.MilestonesDelivered == 1);
        Assert.Equal((7, 0), (one.TotalPoints, one.Badges.Length));
        await PayMilestone(s, 1, 1, reviewers: 1);
        await Grant(s, 1).Tick(); // a tick announces nothing twice
        var two = await Eventually.Until(() => participant.GetInfo(), p => p.MilestonesDelivered == 2);
        Assert.Equal(14, two.TotalPoints);
        Assert.Equal("builder", Assert.Single(two.Badges).Badge);
    }
}
