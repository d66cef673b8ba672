using System.Numerics;

namespace Blocktrack.Chains.Tests;

/// <summary>A watcher deactivated while it follows a stream of blocks resumes from its persisted cursor: nothing twice, nothing skipped.</summary>
[Collection(ChainsCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class RestartTests(ChainsFixture f)
{
    [Fact]
    public async Task A_watcher_deactivated_mid_way_resumes_without_applying_anything_twice_or_skipping()
    {
        var chain = f.B;
        var keys = new List<byte[]>();
        for (var i = 0; i < 6; i++) keys.Add(await chain.NewFundedKey());
        var a = keys.Select(DevAccounts.AddressOf).ToList();
        await chain.MintAndDelegate(keys, 1_000_000);
        var before = await f.CaughtUp(chain);
        var watcher = f.Watcher(chain);

        // Blocks keep coming while the watcher follows them; a third of the way in it is deactivated, and more blocks arrive.
        var nonces = new BigInteger[keys.Count];
        for (var i = 0; i < keys.Count; i++) nonces[i] = await chain.Dev.Eth.Transactions.GetTransactionCount.SendRequestAsync(a[i]);
        var times = new List<long>();
        for (var round = 0; round < 60; round++)
        {
            if (round == 20) await f.Cluster.DeactivateAsync(watcher);
            await chain.SetAutomine(false);
            for (var i = 0; i < keys.Count; i++)
            {
                var to = a[(i + 1 + round % (keys.Count - 1)) % keys.Count];
                var transfer = chain.Btk.Encode("transfer", to, new BigInteger(round + i + 1));
                await chain.Dev.SubmitAsync(keys[i], chain.Btk.Address, transfer, nonces[i]++);
            }
            await chain.Dev.MineAsync();
            await chain.SetAutomine(true);
            if (round % 10 == 9)
            {
                await chain.AdvanceTime(1);
                times.Add((await chain.Latest()).Timestamp - 1);
            }
        }

        // What the starter does on a silo start (the watcher's minute reminder would too): it resumes from its persisted cursor.
        await watcher.Start();
        var after = await f.CaughtUp(chain);
        Assert.Equal(await chain.MirroredLogCount(before.Cursor + 1, after.Cursor), after.LogsApplied - before.LogsApplied);
        Assert.Equal(before.Reorgs, after.Reorgs);
        await f.AssertMirrored(chain, a, times);
    }
}
