using Blocktrack.Grains.Governance;
using Blocktrack.Grains.State;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>
/// The participation economy over two reward epochs on the fake clock: three proposals, two moderations (one reversed by an
/// appeal), the rewards budget a proposal funded, and the badges the constitution defines.
/// </summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class ParticipationTests(FakeClockClusterFixture fixture)
{
    private static readonly string A = DaoScenario.Address(0x71), B = DaoScenario.Address(0x72), C = DaoScenario.Address(0x73),
        M = DaoScenario.Address(0x74);

    [Fact]
    public async Task Two_epochs_of_governance_earn_the_expected_points_rewards_reputation_and_badges_once()
    {
        var p = new ParticipationScenario(fixture, "economy");
        var s = p.Dao;
        p.AlignToEpoch();
        var e0 = p.Epoch;
        await s.Create(p.Constitution);
        await s.Fund(A, 1000);
        await s.Fund(B, 1000);
        await s.Fund(C, 50); // below the programme's minimum power: its ballots count for nothing

        // Epoch 0: a proposal funds 1000 btk per epoch for four epochs; another appoints a moderator.
        var fund = await s.Propose(A, "rewards", new FundRewards("btk", 1000, 4));
        var appoint = await s.Propose(B, "standard", new SetRole(DaoRole.Moderator, M, true));
        await s.OpenVoting(fund.Id);
        await p.Vote(fund.Id, A, Support.For, "Good plan");
        await p.Vote(fund.Id, B, Support.For, "  good   PLAN "); // a copy: neither reason earns
        await p.Vote(fund.Id, C, Support.For, "me too");
        await p.Vote(appoint.Id, A, Support.For, "Moderation keeps the forum usable");
        await p.Vote(appoint.Id, B, Support.For, "I agree");
        await s.CloseVoting(fund.Id);
        await s.WaitFor(fund.Id, ProposalState.Queued);
        s.Advance(TimeSpan.FromDays(1));
        await s.WaitFor(fund.Id, ProposalState.Executed);
        await s.WaitFor(appoint.Id, ProposalState.Executed);
        await p.Settled(closed: 2);

        // A: 1 + 10 (passed) + 1 + 2 (reason) = 14, B: 1 + 1 + 2 + 10 = 14; both capped at 12. C: below the minimum power.
        Assert.Equal([(e0, 12L)], (await p.Participant(A)).Epochs.Select(e => (e.Epoch, e.Points)));
        Assert.Equal([(e0, 12L)], (await p.Participant(B)).Epochs.Select(e => (e.Epoch, e.Points)));
        var c = await p.Participant(C);
        Assert.Equal((0L, 0L), (c.Ballots, c.TotalPoints));
        Assert.Empty(c.Badges);
        Assert.Equal(["first-ballot", "proposer", "regular"], (await p.Participant(A)).Badges.Select(b => b.Badge).Order());
        // Reputation is dated at the close of the proposals that earned it: 12 then, decaying after.
        var closedAt = (await s.Proposal(fund.Id).GetInfo()).Deadline.ToUnixTimeSeconds();
        Assert.Equal(12, await s.Grains.GetGrain<IReputationGrain>(A).GetReputation(s.Dao, closedAt));
        Assert.Equal(0, await s.Grains.GetGrain<IReputationGrain>(A).GetReputation(s.Dao, closedAt - 1));

        // The moderator hides a proposal and a ballot's reason; an appeal by proposal reverses the second within the window.
        await s.DaoGrain.Moderate(M, fund.Id, null, true, "spam test", "0xa1");
        await s.DaoGrain.Moderate(M, appoint.Id, B, true, "off-topic", "0xa2");
        var appeal = await s.Propose(A, "rewards", new ReverseModeration(2, "the reason was on topic"));
        await s.OpenVoting(appeal.Id);
        await p.Vote(appeal.Id, A, Support.For, "Third");
        await p.Vote(appeal.Id, C, Support.For, "");
        await s.CloseVoting(appeal.Id);
        await s.WaitFor(appeal.Id, ProposalState.Queued);
        var epoch0 = await p.Paid(e0);
        s.Advance(TimeSpan.FromDays(1));
        await s.WaitFor(appeal.Id, ProposalState.Executed);
        Assert.Empty(await s.DaoGrain.HiddenReasons(appoint.Id));
        var reversal = (await s.DaoGrain.GetModeration(0, 10)).Items[^1];
        Assert.Equal((2L, appeal.Id), (reversal.Reverses!.Value, reversal.Moderator));

        // Epoch 0 drew the budget and shared it by points: 12 and 12 of 1000.
        Assert.Equal(1000, Assert.Single(epoch0.Budget).Amount);
        Assert.Equal([(A, 500), (B, 500)], epoch0.Allocation.Select(a => (a.Address, (int)a.Amounts[0])));
        var settled = Assert.Single(epoch0.Settlements);
        Assert.Equal((1000, 1000, 0), ((int)settled.Drawn, (int)settled.Paid, (int)settled.Returned));
        Assert.Equal("top", (await p.Participant(A)).Badges.Select(b => b.Badge).Order().Last());
        Assert.DoesNotContain("top", (await p.Participant(B)).Badges.Select(b => b.Badge));

        // The appeal windows end: the first hiding is upheld (3 points for the moderator), the reversed one earns nothing.
        s.Advance(TimeSpan.FromDays(2));
        var e1 = e0 + 1;
        var moderator = await Eventually.Until(() => p.Participant(M), m => m.ModerationsUpheld == 1, what: "upheld moderation");
        Assert.Equal([(e1, 3L)], moderator.Epochs.Select(e => (e.Epoch, e.Points)));
        await Eventually.Until(() => p.Ledger.GetStatus(), l => l.PendingModerations == 0, what: "appeal windows");
        Assert.Equal(1, (await p.Participant(M)).ModerationsUpheld);

        // Epoch 1: A's third proposal (1 + 2 + 10, capped at 12) and M's moderation (3) share 1000: 800 and 200.
        s.Advance(TimeSpan.FromDays(4));
        var epoch1 = await p.Paid(e1);
        Assert.Equal([(A, 12L, 800), (M, 3L, 200)], epoch1.Allocation.Select(a => (a.Address, a.Points, (int)a.Amounts[0])));
        var a = await p.Participant(A);
        Assert.Equal([(e0, "btk", 500), (e1, "btk", 800)], a.Rewards.Select(r => (r.Epoch, r.Asset, (int)r.Amount)));
        Assert.Equal(["first-ballot", "proposer", "regular", "three-ballots", "top"], a.Badges.Select(b => b.Badge).Order());
        Assert.Equal(3, a.Ballots);
        Assert.All(a.Badges, b => Assert.Null(b.Chain)); // no badge contract in this cluster: recorded off chain only

        // Paid exactly once: settling again changes nothing, and the treasury gave exactly the two draws.
        await p.EpochGrain(e0).Settle();
        await p.EpochGrain(e1).Settle();
        Assert.Equal(2, (await p.Participant(A)).Rewards.Length);
        Assert.Equal(1_000_000 - 2_000, (await s.DaoGrain.GetInfo()).Treasury["btk"]);
        // Reputation: 12 + 12 points, each decayed since it was awarded (all after the scenario began, none in the future).
        // Reputation: 12 at the first two proposals' close, 12 at the appeal's, each decayed from then (90-day half-life).
        var halfLife = (long)Decay.DefaultHalfLife.TotalSeconds;
        var history = new List<Checkpoint>();
        ReputationRules.Award(history, closedAt, 12, halfLife);
        ReputationRules.Award(history, (await s.Proposal(appeal.Id).GetInfo()).Deadline.ToUnixTimeSeconds(), 12, halfLife);
        Assert.Equal(ReputationRules.ValueAt(history, s.Now, halfLife), await p.Reputation(A));
    }

    [Fact]
    public async Task A_dao_without_a_programme_records_nothing_and_funding_rewards_is_refused()
    {
        var s = new DaoScenario(fixture, "no-programme");
        var p = new ParticipationScenario(fixture, "no-programme");
        await s.Create(s.Constitution(p.Rewards));
        await s.Fund(A, 1000);
        var fund = await s.Propose(A, "rewards", new FundRewards("btk", 1000, 4));
        await s.OpenVoting(fund.Id);
        await s.Vote(fund.Id, A, Support.For);
        await s.CloseVoting(fund.Id);
        await s.WaitFor(fund.Id, ProposalState.Queued);
        s.Advance(TimeSpan.FromDays(1));
        var failed = await Eventually.Until(() => s.Proposal(fund.Id).GetInfo(), i => i.ExecutionError is not null);
        Assert.Contains("no participation programme", failed.ExecutionError);
        Assert.Equal(0, (await p.Ledger.GetStatus()).ProposalsClosed);
        Assert.Equal(0, (await p.Participant(A)).Ballots);
    }

    [Fact]
    public async Task A_month_of_weekly_proposals_pays_each_funded_epoch_by_its_points_and_nothing_after_the_budget_ends()
    {
        var p = new ParticipationScenario(fixture, "monthly");
        var s = p.Dao;
        string a = DaoScenario.Address(0x81), b = DaoScenario.Address(0x82), c = DaoScenario.Address(0x83), d = DaoScenario.Address(0x84);
        p.AlignToEpoch();
        var first = p.Epoch;
        await s.Create(p.Constitution);
        foreach (var voter in new[] { a, b, c }) await s.Fund(voter, 1000);

        // Week 0: A's proposal funds 300 btk for three epochs. Weeks 1-3: D (no power) proposes; A always votes, B in
        // week 1, C in weeks 2 and 3.
        string[][] voters = [[a, b], [a, b], [a, c], [a, c]];
        for (var week = 0; week < 4; week++)
        {
            if (week > 0) p.AlignToEpoch();
            var proposal = week == 0
                ? await s.Propose(a, "rewards", new FundRewards("btk", 300, 3))
                : await s.Propose(d, "standard");
            await s.OpenVoting(proposal.Id);
            foreach (var voter in voters[week]) await s.Vote(proposal.Id, voter, Support.For);
            await s.CloseVoting(proposal.Id);
            await s.WaitFor(proposal.Id, ProposalState.Queued);
            s.Advance(TimeSpan.FromDays(1));
            await s.WaitFor(proposal.Id, ProposalState.Executed);
            await p.Settled(closed: week + 1);
        }
        p.AlignToEpoch();

        // Points: e0 A 1 + 10, B 1; then 1 per ballot and 10 for D's passed proposal. 300 shared each funded epoch.
        (string, long, int)[][] expected =
        [
            [(a, 11, 275), (b, 1, 25)],
            [(d, 10, 250), (a, 1, 25), (b, 1, 25)],
            [(d, 10, 250), (a, 1, 25), (c, 1, 25)],
            [(d, 10, 0), (a, 1, 0), (c, 1, 0)],
        ];
        for (var e = 0; e < 4; e++)
        {
            var epoch = await p.Paid(first + e);
            Assert.Equal(expected[e].Select(x => (x.Item1, x.Item2)), epoch.Allocation.Select(x => (x.Address, x.Points)));
            Assert.Equal(expected[e].Select(x => x.Item3), epoch.Allocation.Select(x => x.Amounts.IsEmpty ? 0 : (int)x.Amounts[0]));
            Assert.Equal(e < 3 ? 300 : 0, epoch.Settlements.Sum(x => (int)x.Paid));
        }
        Assert.Equal(1_000_000 - 900, (await s.DaoGrain.GetInfo()).Treasury["btk"]);

        Assert.Equal(["first-ballot", "proposer", "regular", "three-ballots", "top"], Badges(await p.Participant(a)));
        Assert.Equal(["first-ballot", "regular"], Badges(await p.Participant(b)));
        Assert.Equal(["first-ballot", "regular"], Badges(await p.Participant(c)));
        Assert.Equal(["proposer", "top"], Badges(await p.Participant(d)));
        Assert.Equal([275, 25, 25], (await p.Participant(a)).Rewards.Select(r => (int)r.Amount));
        Assert.Equal(4, (await p.Participant(a)).Ballots);
    }

    private static IEnumerable<string> Badges(ParticipantInfo info) => info.Badges.Select(x => x.Badge).Order(StringComparer.Ordinal);
}
