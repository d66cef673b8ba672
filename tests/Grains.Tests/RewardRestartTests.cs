using System.Numerics;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Governance.Participation;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Tests;

/// <summary>
/// A reward epoch across silo restarts, on SQLite and the fake clock: points earned before the restart, the epoch closed
/// and paid after it (woken by its reminder alone), exactly once — one credit per participant, one draw from the treasury,
/// one on-chain batch — however often it is settled again or the silo restarts between its close and its payment.
/// Fast: both tests together take about five seconds.
/// </summary>
[Trait("Category", TestCategory.Fast)]
public sealed class RewardRestartTests : IAsyncLifetime
{
    private static readonly string A = DaoScenario.Address(0x81), B = DaoScenario.Address(0x82);
    private const string RewardToken = "0x00000000000000000000000000000000000b7c01";
    private const long RewardChain = 412346;
    private const int Treasury = 1_000_000;

    private readonly DurableFakeClockCluster _world = new();

    public Task InitializeAsync() => _world.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    /// <summary>
    /// Funds 1000 btk per epoch by an executed proposal and votes on it, four days into a fresh epoch: A earns 1 + 2 (reason)
    /// + 10 (passed), capped at 12, and B 1 — shares of 1000 by largest remainder: 923 and 77.
    /// </summary>
    private async Task<(ParticipationScenario P, long Epoch)> PointsInAnEpoch(string dao, FundRewards budget)
    {
        var p = new ParticipationScenario(_world, dao);
        var s = p.Dao;
        p.AlignToEpoch();
        var epoch = p.Epoch;
        await s.Create(p.Constitution, treasury: Treasury);
        await s.Fund(A, 1000);
        await s.Fund(B, 1000);
        var fund = await s.Propose(A, "rewards", budget);
        await s.OpenVoting(fund.Id);
        await p.Vote(fund.Id, A, Support.For, "Rewards bring voters back");
        await p.Vote(fund.Id, B, Support.For, "");
        await s.CloseVoting(fund.Id);
        await s.WaitFor(fund.Id, ProposalState.Queued);
        s.Advance(TimeSpan.FromDays(1));
        await s.WaitFor(fund.Id, ProposalState.Executed);
        await p.Settled(closed: 1);
        Assert.Equal(epoch, p.Epoch); // still inside the epoch: the restart comes mid-epoch
        var open = await p.EpochGrain(epoch).GetInfo(0, 10);
        Assert.Equal((RewardEpochState.Open, 2L, 13L), (open.State, open.Participants, open.TotalPoints));
        return (p, epoch);
    }

    private static void AssertPaidOnce(RewardEpochInfo paid)
    {
        Assert.Equal(RewardEpochState.Paid, paid.State);
        Assert.Equal(1000, (int)Assert.Single(paid.Budget).Amount);
        Assert.Equal([(A, 12L, 923), (B, 1L, 77)], paid.Allocation.Select(a => (a.Address, a.Points, (int)a.Amounts[0])));
        var settled = Assert.Single(paid.Settlements);
        Assert.Equal((1000, 1000, 0), ((int)settled.Drawn, (int)settled.Paid, (int)settled.Returned));
        Assert.Null(paid.PaymentError);
    }

    private static async Task<(long Epoch, int Amount, string? Tx)[]> Credits(ParticipationScenario p, string who) =>
        [.. (await p.Participant(who)).Rewards.Select(r => (r.Epoch, (int)r.Amount, r.Transaction))];

    private static async Task<BigInteger> TreasuryOf(ParticipationScenario p) => (await p.Dao.DaoGrain.GetInfo()).Treasury["btk"];

    [Fact]
    public async Task A_silo_restart_mid_epoch_pays_the_epoch_once()
    {
        var (p, epoch) = await PointsInAnEpoch("restart-mid-epoch", new FundRewards("btk", 1000, 4));

        await _world.RestartAsync();
        p.Dao.Advance(TimeSpan.FromSeconds(Epochs.ClosesAt(epoch, ParticipationScenario.Programme) - p.Dao.Now + 1));

        // Read the participant, not the epoch: activating the epoch would settle it, and this is about its reminder.
        await _world.Until(() => Credits(p, A), c => c.Length > 0, what: "A's reward credit");
        var paid = await Eventually.Until(() => p.EpochGrain(epoch).GetInfo(0, 10), e => e.State == RewardEpochState.Paid);
        AssertPaidOnce(paid);
        Assert.Equal([(epoch, 923, (string?)null)], await Credits(p, A));
        Assert.Equal([(epoch, 77, (string?)null)], await Credits(p, B));
        Assert.Equal(Treasury - 1000, await TreasuryOf(p));

        // Settling again, and again after another restart, changes nothing.
        AssertPaidOnce(await p.EpochGrain(epoch).Settle());
        await _world.RestartAsync();
        var again = await p.EpochGrain(epoch).Settle();
        AssertPaidOnce(again);
        Assert.Equal(paid.PaidAt, again.PaidAt);
        Assert.Single(await Credits(p, A));
        Assert.Single(await Credits(p, B));
        Assert.Equal(Treasury - 1000, await TreasuryOf(p));
        Assert.Equal(0, _world.Executor.Attempts); // a ledger budget sends nothing on chain
    }

    [Fact]
    public async Task A_restart_between_close_and_payment_pays_the_epoch_once()
    {
        var budget = new FundRewards("btk", 1000, 4, RewardChain, RewardToken);
        var (p, epoch) = await PointsInAnEpoch("restart-after-close", budget);

        // The epoch closes (the draw leaves the treasury) but its on-chain batch cannot be sent: it stays Closed.
        _world.Executor.Failing = true;
        p.Dao.Advance(TimeSpan.FromSeconds(Epochs.ClosesAt(epoch, ParticipationScenario.Programme) - p.Dao.Now + 1));
        var closed = await Eventually.Until(() => p.EpochGrain(epoch).GetInfo(0, 10),
            e => e.State == RewardEpochState.Closed && e.PaymentError is not null, what: "epoch closed, payment failing");
        Assert.Contains("connection refused", closed.PaymentError);
        Assert.Equal(Treasury - 1000, await TreasuryOf(p));
        Assert.Empty(await Credits(p, A));

        _world.Executor.Failing = false;
        await _world.RestartAsync();
        await _world.Until(() => Credits(p, B), c => c.Length > 0, what: "B's reward credit");
        var paid = await Eventually.Until(() => p.EpochGrain(epoch).GetInfo(0, 10), e => e.State == RewardEpochState.Paid);

        AssertPaidOnce(paid);
        var operation = $"rewards:{p.Dao.Dao}/{epoch}/0/0";
        var batch = Assert.Single(_world.Executor.Executed);
        Assert.Equal(operation, batch.Key);
        Assert.Equal([Erc20Transfer.Call(RewardChain, RewardToken, A, 923), Erc20Transfer.Call(RewardChain, RewardToken, B, 77)],
            batch.Value);
        var tx = RecordingExecutor.HashOf(operation);
        Assert.Equal(tx, Assert.Single(paid.Transactions).Hash);
        Assert.Equal([(epoch, 923, tx)], await Credits(p, A));
        Assert.Equal([(epoch, 77, tx)], await Credits(p, B));

        // Nothing is drawn, sent or credited twice, whatever is settled again.
        var attempts = _world.Executor.Attempts;
        AssertPaidOnce(await p.EpochGrain(epoch).Settle());
        Assert.Equal(attempts, _world.Executor.Attempts);
        Assert.Single(await Credits(p, A));
        Assert.Equal(Treasury - 1000, await TreasuryOf(p));
    }
}
