using System.Numerics;

namespace Blocktrack.Chains.Tests;

/// <summary>A real reorg (evm_snapshot, a mirrored branch, evm_revert, a longer other branch) is followed exactly.</summary>
[Collection(ChainsCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class ReorgTests(ChainsFixture f)
{
    [Fact]
    public async Task Blocks_replaced_by_a_longer_branch_are_rolled_back_and_the_new_branch_mirrored()
    {
        var chain = f.A;
        var keys = new List<byte[]>();
        for (var i = 0; i < 5; i++) keys.Add(await chain.NewFundedKey());
        var a = keys.Select(DevAccounts.AddressOf).ToList();
        await chain.MintAndDelegate(keys, 1_000);
        var forkTime = (await chain.Latest()).Timestamp;
        var before = await f.CaughtUp(chain);

        // Branch 1: mirrored, then thrown away.
        var snapshot = await chain.Dev.SnapshotAsync();
        await chain.Send(chain.Btk, keys[0], "transfer", a[1], 400);
        await chain.Send(chain.Btk, keys[2], "delegate", a[3]);
        await chain.Send(chain.Btk, DevAccounts.Deployer, "mint", a[4], 5_000);
        await chain.AdvanceTime(1);
        var branch1 = await chain.Latest();
        await f.CaughtUp(chain);
        Assert.Equal(6_000, await f.Grains.GetGrain<Grains.Interfaces.IVoterGrain>(a[4]).GetVotes(chain.Token, long.MaxValue));

        // Branch 2 from the same parent: other transfers and delegations, and longer.
        Assert.True(await chain.Dev.RevertAsync(snapshot));
        var times = new List<long> { forkTime - 1, forkTime };
        await chain.Send(chain.Btk, keys[1], "transfer", a[0], 250);
        await chain.Send(chain.Btk, keys[3], "delegate", a[2]);
        times.Add((await chain.Latest()).Timestamp);
        await chain.AdvanceTime(1);
        await chain.Send(chain.Btk, keys[4], "transfer", a[2], 100);
        await chain.Send(chain.Btk, keys[0], "delegate", a[1]);
        times.Add((await chain.Latest()).Timestamp);
        await chain.AdvanceTime(1);
        while ((await chain.Latest()).Number <= branch1.Number + 2) await chain.Dev.MineAsync();
        times.Add((await chain.Latest()).Timestamp - 1);

        var after = await f.CaughtUp(chain);
        Assert.Equal(before.Reorgs + 1, after.Reorgs);
        await f.AssertMirrored(chain, a, times);
        Assert.Equal(new BigInteger(900), await f.Grains.GetGrain<Grains.Interfaces.IVoterGrain>(a[4]).GetVotes(chain.Token, long.MaxValue));
    }
}
