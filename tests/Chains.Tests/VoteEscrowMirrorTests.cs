using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Voters;
using Xunit.Abstractions;
using static Blocktrack.Grains.Governance.VoteEscrowRules;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// The real VotingEscrow on a Hardhat L3, mirrored by the cluster: whatever the owners do, with the clock moving by
/// seconds to years, the cluster's power of every owner at every sampled past time is the contract's balanceOfAt and its
/// votable total the contract's totalSupplyAt, to the wei; the contract accepts exactly what the rules accept; and a
/// proposal whose class sums veBTK (× 1.5) and BTK weighs each ballot at the snapshot.
/// </summary>
[Collection(EscrowCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class VoteEscrowMirrorTests(EscrowFixture f, ITestOutputHelper output)
{
    private const int Owners = 5, Steps = 90, SampledTimes = 300;

    private TestChain Chain => f.Chain;
    private PowerSource Escrow => new() { Kind = PowerSourceKind.VoteEscrow, Token = Chain.EscrowToken };

    [Fact]
    public async Task Random_locks_increases_extensions_and_withdrawals_read_back_as_balanceOfAt_and_totalSupplyAt()
    {
        var random = new Random(412346);
        var keys = await f.Lockers(Owners, 100_000 * EscrowFixture.Btk);
        var owners = keys.Select(DevAccounts.AddressOf).ToList();
        await VoteInAProposal(keys, owners);

        var (_, start) = await Chain.Latest();
        var samples = new SortedSet<long>();
        var outcomes = new Dictionary<EscrowRefusal, int>();
        for (var step = 0; step < Steps; step++)
        {
            await Advance(random);
            var i = random.Next(Owners);
            var (operation, amount, unlock) = await Pick(random, owners[i]);
            var before = await f.Locked(owners[i]);
            var btkBefore = await Chain.Btk.CallAsync<BigInteger>("balanceOf", owners[i]);
            var outcome = await Chain.Dev.Sender(keys[i])
                .SendAsync(Chain.Escrow.Address, Encode(operation, amount, unlock), TestChain.GasLimit);
            Assert.NotNull(outcome.Receipt);
            var at = await Chain.Dev.TimestampOf(outcome.Receipt!);

            // The contract does exactly what the rules say at the block's timestamp, refusing with the same error.
            var expected = Check(operation, before, amount, unlock, at);
            outcomes[expected] = outcomes.GetValueOrDefault(expected) + 1;
            Assert.True((expected == EscrowRefusal.None) == outcome.Succeeded,
                $"{operation} at {at}: rules {expected}, chain {outcome.Error}");
            if (!outcome.Succeeded)
            {
                // The sender does not see custom errors: replay as a call, where the refusal cannot hinge on the second.
                if (Check(operation, before, amount, unlock, at + 30) == expected)
                    Assert.StartsWith($"{expected}(", await Revert(operation, owners[i], amount, unlock));
                continue;
            }
            var after = VoteEscrowRules.Apply(operation, before, amount, unlock, at);
            Assert.Equal(after, await f.Locked(owners[i]));
            var btkAfter = await Chain.Btk.CallAsync<BigInteger>("balanceOf", owners[i]);
            Assert.Equal(btkBefore - after.Amount + before.Amount, btkAfter); // locked BTK leave, withdrawn BTK return
            samples.UnionWith([at - 1, at, at + 1, RoundToWeek(at) + Week, after.UnlockTime - 1, after.UnlockTime]);
        }
        Assert.True(outcomes.GetValueOrDefault(EscrowRefusal.None) >= Steps / 2, Describe(outcomes));
        Assert.True(outcomes.Count >= 5, $"too few kinds of outcome: {Describe(outcomes)}");
        await Chain.AdvanceTime(1);
        var (_, latest) = await Chain.Latest();
        var status = await f.CaughtUp();
        Assert.True(status.LogsApplied >= outcomes[EscrowRefusal.None]);

        for (var i = 0; i < SampledTimes; i++) samples.Add(start + random.NextInt64(latest - start));
        var past = samples.Where(t => t > 0 && t < latest).ToList();
        var checkedTimes = past.OrderBy(_ => random.Next()).Take(SampledTimes).Order().ToList();
        var scaled = new PowerSource { Strategies = [Escrow with { MultiplierBps = 12_500 }] };
        var nonZero = 0;
        foreach (var t in checkedTimes)
        {
            var sum = BigInteger.Zero;
            foreach (var owner in owners)
            {
                var onChain = await f.BalanceOfAt(owner, t);
                sum += onChain;
                if (!onChain.IsZero) nonZero++;
                Assert.True(onChain == await PowerReader.VotesAt(f.Grains, Escrow, "any", owner, t),
                    $"power of {owner} at {t}: chain {onChain}, cluster {await PowerReader.VotesAt(f.Grains, Escrow, "any", owner, t)}");
                Assert.Equal(onChain * 12_500 / 10_000, await PowerReader.VotesAt(f.Grains, scaled, "any", owner, t));
            }
            var total = await f.TotalSupplyAt(t);
            Assert.Equal(total, await PowerReader.VotableAt(f.Grains, Escrow, "any", t));
            // The contract's own promise: its total is the sum of the powers (also of other tests' lockers), to the wei.
            foreach (var other in f.AllLockers.Except(owners)) sum += await f.BalanceOfAt(other, t);
            Assert.Equal(sum, total);
        }
        Assert.True(nonZero > checkedTimes.Count / 2, $"only {nonZero} non-zero powers among {checkedTimes.Count} times");
        output.WriteLine($"{Steps} operations ({Describe(outcomes)}) over {(latest - start) / 86_400} days; "
            + $"{checkedTimes.Count} past times × {Owners} owners compared, {nonZero} powers non-zero");
    }

    /// <summary>
    /// Three owners lock, everyone self-delegates the BTK left; a proposal whose class counts veBTK × 1.5 plus BTK votes
    /// opens once the snapshot is mirrored, and each ballot weighs balanceOfAt × 1.5 + getPastVotes at the snapshot.
    /// </summary>
    private async Task VoteInAProposal(List<byte[]> keys, List<string> owners)
    {
        var (_, now) = await Chain.Latest();
        for (var i = 0; i < 3; i++)
            await Chain.Send(Chain.Escrow, keys[i], "createLock", (i + 1) * 1_000 * EscrowFixture.Btk, now + (i + 1) * 365 * 86_400);
        for (var i = 0; i < keys.Count; i++) await Chain.Send(Chain.Btk, keys[i], "delegate", owners[i]);
        await f.CaughtUp();
        var power = new PowerSource
        {
            Strategies = [Escrow with { MultiplierBps = 15_000 }, PowerSource.TokenVotes(Chain.Token)],
        };
        var lead = (await Chain.Latest()).Timestamp - DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var dao = new CrossChainDao(f.Grains, $"escrow-{Guid.NewGuid():N}"[..20], power);
        await dao.Create(TimeSpan.FromSeconds(Math.Max(1, lead + 1)));
        var proposal = await dao.Propose(owners[0]);
        var snapshot = proposal.Snapshot.ToUnixTimeSeconds();
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() <= snapshot + 1) await Task.Delay(100);
        // Hardhat's clock may lag the wall clock by a few seconds: move it past the snapshot so the watcher can pass it.
        while ((await Chain.Latest()).Timestamp <= snapshot) await Chain.AdvanceTime(1);
        // Active by the clock first; the votable supply is read by the proposal's wake-up at the snapshot (or its first
        // ballot), which may come a moment later.
        var active = await Eventually.Until(() => f.Grains.GetGrain<IProposalGrain>(proposal.Id).GetInfo(),
            p => p.State == ProposalState.Active && p.VotableSupply is not null, what: "vote-escrow proposal active, votable read");

        Assert.Equal(await f.TotalSupplyAt(snapshot) * 15_000 / 10_000 + await Chain.VotablePower(snapshot), active.VotableSupply);
        foreach (var owner in owners)
        {
            var expected = await f.BalanceOfAt(owner, snapshot) * 15_000 / 10_000 + await Chain.PastVotes(owner, snapshot);
            Assert.Equal(expected, (await dao.Vote(proposal.Id, owner)).Weight);
        }
        Assert.True(await f.BalanceOfAt(owners[2], snapshot) > await f.BalanceOfAt(owners[0], snapshot) * 5);
    }

    /// <summary>Moves the chain's clock: not at all, seconds, days or a year and more.</summary>
    private async Task Advance(Random random)
    {
        var seconds = random.Next(20) switch
        {
            < 4 => 0,
            < 9 => random.Next(1, 600),
            < 17 => random.Next(1, 30) * 86_400 + random.Next(86_400),
            _ => random.Next(60, 420) * 86_400 + random.Next(86_400),
        };
        if (seconds > 0) await Chain.AdvanceTime(seconds);
    }

    /// <summary>Mostly what the owner's lock allows, sometimes what it does not (to see both refuse alike).</summary>
    private async Task<(EscrowOperation, BigInteger, long)> Pick(Random random, string owner)
    {
        var current = await f.Locked(owner);
        var (_, now) = await Chain.Latest();
        var mistake = random.Next(8) == 0;
        var operation = current.Amount.IsZero
            ? mistake ? (EscrowOperation)random.Next(1, 4) : EscrowOperation.CreateLock
            : current.UnlockTime <= now
                ? mistake ? (EscrowOperation)random.Next(3) : EscrowOperation.Withdraw
                : mistake ? (EscrowOperation)(random.Next(2) * 3) : (EscrowOperation)random.Next(1, 3);
        var amount = random.Next(12) switch
        {
            0 => BigInteger.Zero,
            1 => new BigInteger(random.Next(1, 100_000_000)), // below MAXTIME wei: a slope of zero
            _ => new BigInteger(random.Next(1, 2_000)) * EscrowFixture.Btk + random.Next(),
        };
        var unlock = random.Next(10) switch
        {
            0 => now + MaxTime + Week + random.Next((int)Week),
            1 => now + MaxTime,
            2 => Math.Max(0, current.UnlockTime - random.Next((int)Week)),
            _ => now + random.NextInt64(-Week, MaxTime),
        };
        return (operation, amount, unlock);
    }

    private static (string Function, object?[] Arguments) Call(EscrowOperation operation, BigInteger amount, long unlock) =>
        operation switch
        {
            EscrowOperation.CreateLock => ("createLock", [amount, unlock]),
            EscrowOperation.IncreaseAmount => ("increaseAmount", [amount]),
            EscrowOperation.IncreaseUnlockTime => ("increaseUnlockTime", [unlock]),
            _ => ("withdraw", []),
        };

    private byte[] Encode(EscrowOperation operation, BigInteger amount, long unlock)
    {
        var (function, arguments) = Call(operation, amount, unlock);
        return Chain.Escrow.Encode(function, arguments);
    }

    /// <summary>The contract's custom error for the operation now, as <c>Name(values)</c>.</summary>
    private Task<string> Revert(EscrowOperation operation, string from, BigInteger amount, long unlock)
    {
        var (function, arguments) = Call(operation, amount, unlock);
        return Chain.Escrow.RevertOf(function, from, arguments);
    }

    private static string Describe(Dictionary<EscrowRefusal, int> outcomes) =>
        string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"));
}
