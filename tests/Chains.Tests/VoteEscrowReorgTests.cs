using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Voters;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// A real reorg under the vote escrow (evm_snapshot, a mirrored branch, evm_revert, a longer other branch): the locks and
/// the supply of the thrown-away branch are rolled back and the new branch's mirrored, equal to the contract again.
/// </summary>
[Collection(EscrowCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class VoteEscrowReorgTests(EscrowFixture f)
{
    private static readonly BigInteger Btk = EscrowFixture.Btk;

    [Fact]
    public async Task Lock_changes_on_a_replaced_branch_are_rolled_back_and_the_new_branch_mirrored()
    {
        var chain = f.Chain;
        var escrow = new PowerSource { Kind = PowerSourceKind.VoteEscrow, Token = chain.EscrowToken };
        var keys = await f.Lockers(3, 10_000 * Btk);
        var a = keys.Select(DevAccounts.AddressOf).ToList();
        var (_, start) = await chain.Latest();
        for (var i = 0; i < 3; i++)
            await chain.Send(chain.Escrow, keys[i], "createLock", (i + 1) * 1_000 * Btk, start + (i + 1) * 200 * 86_400);
        var forkTime = (await chain.Latest()).Timestamp;
        var before = await f.CaughtUp();

        // Branch 1: mirrored, then thrown away.
        var snapshot = await chain.Dev.SnapshotAsync();
        await chain.Send(chain.Escrow, keys[0], "increaseAmount", 4_000 * Btk);
        await chain.Send(chain.Escrow, keys[1], "increaseUnlockTime", start + 1_000 * 86_400);
        await chain.AdvanceTime(2);
        await chain.Send(chain.Escrow, keys[2], "increaseAmount", 1);
        var branch1 = await chain.Latest();
        await f.CaughtUp();
        Assert.Equal(await f.Locked(a[1]), await Lock(a[1]).GetLock(long.MaxValue));
        Assert.Equal(await f.TotalSupplyAt(branch1.Timestamp), await PowerReader.VotableAt(f.Grains, escrow, "any", branch1.Timestamp));

        // Branch 2 from the same parent: other changes, and longer.
        Assert.True(await chain.Dev.RevertAsync(snapshot));
        var times = new List<long> { forkTime - 1, forkTime };
        await chain.Send(chain.Escrow, keys[1], "increaseAmount", 3 * Btk);
        await chain.Send(chain.Escrow, keys[0], "increaseUnlockTime", start + 900 * 86_400);
        times.Add((await chain.Latest()).Timestamp);
        await chain.AdvanceTime(3);
        await chain.Send(chain.Escrow, keys[2], "increaseUnlockTime", start + 1_200 * 86_400);
        times.Add((await chain.Latest()).Timestamp);
        while ((await chain.Latest()).Number <= branch1.Number + 2) await chain.Dev.MineAsync();
        var (_, end) = await chain.Latest();
        times.AddRange([end - 1, end]);

        var after = await f.CaughtUp();
        Assert.Equal(before.Reorgs + 1, after.Reorgs);
        foreach (var t in times)
        {
            foreach (var owner in a)
                Assert.Equal(await f.BalanceOfAt(owner, t), await PowerReader.VotesAt(f.Grains, escrow, "any", owner, t));
            Assert.Equal(await f.TotalSupplyAt(t), await PowerReader.VotableAt(f.Grains, escrow, "any", t));
        }
        // Branch 1's extension and increase are gone; branch 2's are there.
        for (var i = 0; i < 3; i++) Assert.Equal(await f.Locked(a[i]), await Lock(a[i]).GetLock(long.MaxValue));
        Assert.Equal(1_000 * Btk, (await Lock(a[0]).GetLock(long.MaxValue)).Amount);
    }

    private IEscrowLockGrain Lock(string owner) => f.Grains.GetGrain<IEscrowLockGrain>(EscrowKeys.Lock(f.Chain.EscrowToken, owner));
}
