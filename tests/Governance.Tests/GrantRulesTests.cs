using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Governance.Grants;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Governance.Tests;

/// <summary>Milestone plans, tranches, clawback, the program ledger's invariant and the SDG caps, without a cluster.</summary>
[Trait("Category", TestCategory.Fast)]
public sealed class GrantRulesTests
{
    private const long Now = 1_800_000_000;

    private static readonly GrantProgramTerms Terms = new()
    {
        Name = "Education", Asset = "btk", Budget = 100_000, ApplicationsOpen = Now - 10, ApplicationsClose = Now + 1000,
        EndsAt = Now + 10_000, Approvals = 2, MaxGrant = 40_000, Sdgs = [4],
    };

    private static ImmutableArray<MilestonePlan> Plan(params int[] shares) =>
        [.. shares.Select((s, i) => new MilestonePlan { Description = $"step {i}", ShareBps = s, Due = Now + 100 * (i + 1) })];

    [Theory]
    [InlineData(new[] { 10_000 })]
    [InlineData(new[] { 2_500, 2_500, 5_000 })]
    [InlineData(new[] { 1, 9_999 })]
    public void Shares_summing_to_exactly_ten_thousand_are_a_plan(int[] shares) => GrantRules.ValidatePlan(Plan(shares), Now, Now + 10_000);

    [Theory]
    [InlineData(new[] { 9_999 }, "sum to 9999")]
    [InlineData(new[] { 5_000, 5_001 }, "sum to 10001")]
    [InlineData(new[] { 10_000, 0 }, "a share is 1..10000")]
    [InlineData(new int[0], "1..24 milestones")]
    public void Any_other_plan_is_refused(int[] shares, string why)
    {
        var e = Assert.Throws<GovernanceException>(() => GrantRules.ValidatePlan(Plan(shares), Now, Now + 10_000));
        Assert.Equal(GovernanceError.InvalidArgument, e.Error);
        Assert.Contains(why, e.Message);
    }

    [Fact]
    public void Due_dates_run_forward_and_end_with_the_program()
    {
        var backwards = Plan(5_000, 5_000).SetItem(1, new MilestonePlan { Description = "b", ShareBps = 5_000, Due = Now + 50 });
        Assert.Throws<GovernanceException>(() => GrantRules.ValidatePlan(backwards, Now, Now + 10_000));
        Assert.Throws<GovernanceException>(() => GrantRules.ValidatePlan(Plan(10_000), Now, Now + 99));
        Assert.Throws<GovernanceException>(() => GrantRules.ValidatePlan(Plan(10_000), Now + 100, Now + 10_000));
    }

    [Theory]
    [InlineData(30_000, new[] { 3_333, 6_667 }, new[] { 9_999, 20_001 })]
    [InlineData(7, new[] { 3_333, 3_333, 3_334 }, new[] { 2, 2, 3 })]
    [InlineData(1, new[] { 5_000, 5_000 }, new[] { 0, 1 })]
    public void Tranches_round_down_and_the_last_takes_the_remainder(long amount, int[] shares, int[] expected)
    {
        var tranches = GrantRules.Tranches(amount, Plan(shares));
        Assert.Equal(expected.Select(e => (BigInteger)e), tranches);
        Assert.Equal(amount, (long)tranches.Aggregate(BigInteger.Zero, (a, t) => a + t));
    }

    [Fact]
    public void A_clawback_takes_back_what_is_unpaid() => Assert.Equal(20_001, (int)GrantRules.Clawback(30_000, 9_999));

    [Fact]
    public void Applications_outside_the_window_or_over_the_largest_grant_are_refused()
    {
        var a = new GrantApplication
        {
            Applicant = $"0x{1:x40}", Recipient = $"0x{2:x40}", Title = "t", Amount = 40_000, Milestones = Plan(10_000), Digest = "0x1",
        };
        GrantRules.ValidateApplication(Terms, a, Now);
        Assert.Equal(GovernanceError.InvalidState, Assert.Throws<GovernanceException>(() => GrantRules.ValidateApplication(Terms, a, Now + 1000)).Error);
        Assert.Throws<GovernanceException>(() => GrantRules.ValidateApplication(Terms, a with { Amount = 40_001 }, Now));
        Assert.Throws<GovernanceException>(() => GrantRules.ValidateApplication(Terms, a with { Sdgs = [18] }, Now));
        Assert.Throws<GovernanceException>(() => GrantRules.ValidateApplication(Terms, a with { Sdgs = [4, 4] }, Now));
        Assert.Throws<GovernanceException>(() => GrantRules.ValidateTerms(Terms with { MaxGrant = 100_001 }));
        Assert.Throws<GovernanceException>(() => GrantRules.ValidateTerms(Terms with { ApplicationsClose = Now + 20_000 }));
    }

    [Fact]
    public void Every_move_of_the_program_ledger_keeps_it_balanced()
    {
        // A random walk of reservations, payments, releases and the close: the invariant holds after every step, and a
        // move that would break it is refused leaving the ledger as it was.
        var random = new Random(9);
        var ledger = ProgramBook.Opened(1_000_000);
        var closed = false;
        for (var step = 0; step < 5_000; step++)
        {
            var amount = (BigInteger)random.Next(1, 50_000);
            var before = ledger;
            try
            {
                ledger = random.Next(4) switch
                {
                    0 when !closed => ProgramBook.Reserve(ledger, amount),
                    1 => ProgramBook.Pay(ledger, amount),
                    2 => ProgramBook.Release(ledger, BigInteger.Min(amount, ledger.Reserved), closed),
                    3 when step > 4_000 && !closed => Close(ref closed, ledger),
                    _ => ledger,
                };
            }
            catch (GovernanceException)
            {
                Assert.Equal(before, ledger);
            }
            Assert.True(ledger.Balances, $"step {step}: {ledger}");
        }
        Assert.True(closed);
        Assert.Equal(0, (int)ledger.Free);
        Assert.Equal(ledger.Budget, ledger.Reserved + ledger.Paid + ledger.Returned);
    }

    private static ProgramLedger Close(ref bool closed, ProgramLedger l)
    {
        closed = true;
        return ProgramBook.Close(l);
    }

    [Fact]
    public void Reserving_past_the_free_budget_is_refused()
    {
        var l = ProgramBook.Reserve(ProgramBook.Opened(100), 60);
        Assert.Equal(GovernanceError.InsufficientFunds, Assert.Throws<GovernanceException>(() => ProgramBook.Reserve(l, 41)).Error);
        Assert.Equal(new ProgramLedger { Budget = 100, Reserved = 60, Free = 40 }, l);
        Assert.Equal(new ProgramLedger { Budget = 100, Reserved = 60, Returned = 40 }, ProgramBook.Close(l));
        Assert.Equal(new ProgramLedger { Budget = 100, Returned = 100 }, ProgramBook.Release(ProgramBook.Close(l), 60, closed: true));
    }

    [Fact]
    public void A_tagged_amount_counts_under_each_goal_and_stops_at_its_cap()
    {
        var policy = new SdgPolicy { PeriodSeconds = 86_400, Caps = [new SdgCap { Goal = 4, Asset = "btk", Amount = 100 }] };
        var figures = ImmutableDictionary<string, SdgFigures>.Empty;
        figures = SdgRules.Allocate(figures, policy, 7, [4, 8], "btk", 60);
        figures = SdgRules.Allocate(figures, policy, 7, [8], "btk", 1_000); // goal 8 has no cap
        var e = Assert.Throws<GovernanceException>(() => SdgRules.Allocate(figures, policy, 7, [4], "btk", 41));
        Assert.Equal(GovernanceError.SdgCapExceeded, e.Error);
        figures = SdgRules.Allocate(figures, policy, 7, [4], "btk", 40);
        figures = SdgRules.Allocate(figures, policy, 8, [4], "btk", 100); // a new period starts from nothing
        Assert.Equal((100, 1_060, 100), ((int)figures["7|4"].Allocated["btk"], (int)figures["7|8"].Allocated["btk"],
            (int)figures["8|4"].Allocated["btk"]));
        Assert.Equal(1_060, (int)SdgRules.Allocate(figures, policy, 7, [4], "usdc", 1_000)["7|8"].Allocated["btk"]);
        Assert.Equal(20, SdgRules.PeriodOf(20 * 86_400 + 5, policy));
        Assert.Throws<GovernanceException>(() => SdgRules.ValidatePolicy(policy with { PeriodSeconds = 3_600 }));
        Assert.Throws<GovernanceException>(() => SdgRules.ValidatePolicy(policy with { Caps = [.. policy.Caps, .. policy.Caps] }));
        Assert.Equal(2_500, SdgRules.TurnoutBps(25, 100));
        Assert.Equal(0, SdgRules.TurnoutBps(25, 0));
    }
}
