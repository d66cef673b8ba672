using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Voters;
using static Blocktrack.Grains.Governance.VoteEscrowRules;

namespace Blocktrack.Grains.Tests;

/// <summary>
/// VotingEscrow logs of a fake chain mirrored into lock and supply grains: read back through PowerReader as the rules
/// compute them, applied once, followed through a reorg, and counted in a proposal whose class sums vote escrow and tokens.
/// </summary>
[Collection(FakeClockClusterCollection.Name)]
[Trait("Category", TestCategory.Fast)]
public sealed class EscrowMirrorTests(FakeClockClusterFixture fixture)
{
    private static readonly string Ann = DaoScenario.Address(0xe5a1), Ben = DaoScenario.Address(0xe5b1);
    private static readonly string Cat = DaoScenario.Address(0xe5c1);
    private static readonly BigInteger Btk = BigInteger.Pow(10, 18);

    private static readonly string Escrow = FakeChains.EscrowOf(FakeChains.EscrowChain);
    private FakeChain Chain => fixture.Chains[FakeChains.EscrowChain];
    private IChainWatcherGrain Watcher => fixture.Grains.GetGrain<IChainWatcherGrain>(FakeChains.EscrowChain);

    /// <summary>What the chain holds, per owner, built with the rules: the expected answers.</summary>
    private readonly Dictionary<string, List<EscrowLockChange>> _model = new() { [Ann] = [], [Ben] = [], [Cat] = [] };
    private readonly List<long> _times = [];

    private static readonly PowerSource Source = new() { Kind = PowerSourceKind.VoteEscrow, Token = Escrow };

    [Fact]
    public async Task Locks_are_mirrored_once_read_as_the_rules_say_and_a_reorg_is_followed()
    {
        var t0 = Chain.Latest.Timestamp + 86_400;
        Mine(t0,
            (Ann, EscrowOperation.CreateLock, 1_000 * Btk, t0 + 2 * 365 * 86_400),
            (Ben, EscrowOperation.CreateLock, 500 * Btk, t0 + 365 * 86_400));
        Mine(t0 + 10 * 86_400, (Ann, EscrowOperation.IncreaseAmount, 200 * Btk, 0));
        var fork = Mine(t0 + 60 * 86_400, (Ben, EscrowOperation.IncreaseUnlockTime, 0, t0 + 3 * 365 * 86_400));
        Mine(t0 + 61 * 86_400, (Cat, EscrowOperation.CreateLock, 42 * Btk, t0 + 61 * 86_400 + 30 * Week));
        Mine(t0 + 300 * 86_400, (Cat, EscrowOperation.Withdraw, 0, 0));
        Chain.Mine();
        Chain.Mine();
        var status = await Watcher.Poll();
        Assert.True(status.Healthy, status.LastError);
        Assert.Equal(Chain.Head - 2, status.Cursor);
        await AssertMirrored();

        // Polling again, after the grains were deactivated, applies nothing twice.
        await fixture.Cluster.DeactivateAsync(Watcher);
        Assert.Equal(status.LogsApplied, (await Watcher.Poll()).LogsApplied);
        await AssertMirrored();

        // A reorg replaces everything from Ben's extension on: Ben adds BTK instead, Cat locks for longer and keeps it.
        Chain.Reorg(fork);
        foreach (var history in _model.Values) RollbackLocks(history, fork);
        _times.RemoveAll(t => t >= t0 + 60 * 86_400);
        Mine(t0 + 70 * 86_400,
            (Ben, EscrowOperation.IncreaseAmount, 77 * Btk, 0),
            (Cat, EscrowOperation.CreateLock, 9 * Btk, t0 + 3 * 365 * 86_400));
        Mine(t0 + 400 * 86_400, (Ann, EscrowOperation.IncreaseUnlockTime, 0, t0 + 400 * 86_400 + MaxTime));
        for (var i = 0; i < 4; i++) Chain.Mine();
        var after = await Watcher.Poll();
        Assert.Equal(status.Reorgs + 1, after.Reorgs);
        await AssertMirrored();
        Assert.Equal(BigInteger.Zero, await PowerReader.VotesAt(fixture.Grains, Source, "any", Ben, t0 + 365 * 86_400 + Week));
    }

    [Fact]
    public async Task A_proposal_whose_class_sums_vote_escrow_at_half_weight_and_tokens_weighs_each_ballot_at_the_snapshot()
    {
        var chainId = FakeChains.EscrowProposalChain;
        var chain = fixture.Chains[chainId];
        var escrow = FakeChains.EscrowOf(chainId);
        var s = new DaoScenario(fixture, "escrowed");
        var cls = s.Standard with
        {
            Name = "escrowed",
            PowerSource = new PowerSource
            {
                Strategies =
                [
                    new() { Kind = PowerSourceKind.VoteEscrow, Token = escrow, MultiplierBps = 5_000 }, PowerSource.TokenVotes(s.Token),
                ],
            },
        };
        await s.Create(s.Constitution(cls));
        await s.Fund(Cat, 40 * Btk);
        var locked = Apply(EscrowOperation.CreateLock, EscrowLock.None, 1_000 * Btk, s.Now + MaxTime, s.Now);
        chain.MineLocksAt(s.Now, (Ann, locked), (Cat, locked with { Amount = 10 * Btk }));
        var p = await s.Propose(Cat, "escrowed");
        var snapshot = p.Snapshot.ToUnixTimeSeconds();
        s.Advance(p.Snapshot - DateTimeOffset.FromUnixTimeSeconds(s.Now) + TimeSpan.FromSeconds(5));
        chain.MineLocksAt(snapshot + 1, (Ann, locked with { Amount = 5_000 * Btk })); // after the snapshot: must not count
        chain.Mine();
        chain.Mine();
        await fixture.Grains.GetGrain<IChainWatcherGrain>(chainId).Poll();
        s.Advance(TimeSpan.FromSeconds(3));
        // Reentrant: the state can read Active a moment before the votable power at the snapshot is loaded.
        var active = await Eventually.Until(() => s.Proposal(p.Id).GetInfo(),
            i => i.State == ProposalState.Active && i.VotableSupply is not null);

        var ann = PowerAt(locked, snapshot) / 2;
        var cat = PowerAt(locked with { Amount = 10 * Btk }, snapshot) / 2 + 40 * Btk;
        Assert.Equal(ann, (await s.Vote(p.Id, Ann, Support.For)).Weight);
        Assert.Equal(cat, (await s.Vote(p.Id, Cat, Support.Against)).Weight);
        // Votable: half of the escrow's supply (rounded down once) plus the token's.
        var escrowSupply = PowerAt(locked, snapshot) + PowerAt(locked with { Amount = 10 * Btk }, snapshot);
        Assert.Equal(escrowSupply / 2 + 40 * Btk, active.VotableSupply);
    }

    /// <summary>Mines one block of lock changes made with the rules' operations, and records them in the model.</summary>
    private long Mine(long at, params (string Owner, EscrowOperation Operation, BigInteger Amount, long Unlock)[] operations)
    {
        var block = Chain.Head + 1;
        var timestamp = Math.Max(Chain.Latest.Timestamp + 12, at);
        var locks = operations.Select((o, i) =>
        {
            var next = Apply(o.Operation, LockAt(_model[o.Owner], timestamp), o.Amount, o.Unlock, timestamp);
            ApplyLocks(_model[o.Owner], [new EscrowLockChange(block, i, timestamp, next)], out _);
            return (o.Owner, next);
        }).ToArray();
        Assert.Equal(timestamp, Chain.MineLocksAt(timestamp, locks).Timestamp);
        _times.AddRange([timestamp - 1, timestamp, timestamp + 1, RoundToWeek(timestamp) + Week, timestamp + 200 * 86_400]);
        return block;
    }

    private async Task AssertMirrored()
    {
        foreach (var t in _times)
        {
            var sum = BigInteger.Zero;
            foreach (var (owner, history) in _model)
            {
                var expected = PowerAt(history, t);
                sum += expected;
                Assert.Equal(expected, await PowerReader.VotesAt(fixture.Grains, Source, "any", owner, t));
                var lockGrain = fixture.Grains.GetGrain<IEscrowLockGrain>(EscrowKeys.Lock(Escrow, owner));
                Assert.Equal(LockAt(history, t), await lockGrain.GetLock(t));
            }
            Assert.Equal(sum, await PowerReader.VotableAt(fixture.Grains, Source, "any", t));
        }
    }
}
