using System.Diagnostics;
using System.Numerics;
using Blocktrack.Chain.Transactions;
using Xunit.Abstractions;

namespace Blocktrack.Chains.Tests;

/// <summary>How fast the watcher mirrors a burst of vote logs, and how far behind the head it runs in steady state (printed, not asserted).</summary>
[Collection(ChainsCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class ThroughputTests(ChainsFixture f, ITestOutputHelper output)
{
    private const int Holders = 10, Transfers = 1_000;

    [Fact]
    public async Task Two_thousand_vote_logs_are_mirrored_exactly_with_logs_per_second_and_lag_printed()
    {
        var chain = f.A;
        var keys = new List<byte[]>();
        for (var i = 0; i < Holders; i++) keys.Add(await chain.NewFundedKey());
        var holders = keys.Select(DevAccounts.AddressOf).ToList();
        await chain.MintAndDelegate(keys, 1_000_000);
        var before = await f.CaughtUp(chain);

        // 1000 transfers between self-delegated holders, sent without waiting and mined into a few full blocks:
        // each moves votes out of one delegate and into another, two DelegateVotesChanged logs.
        await chain.SetAutomine(false);
        var first = await chain.Dev.BlockNumberAsync() + 1;
        try
        {
            await SubmitTransfers(chain, keys);
        }
        finally
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 30 && await Pending(chain) > 0; i++) await chain.Dev.MineAsync();
            await chain.SetAutomine(true);
            var last = await chain.Dev.BlockNumberAsync();
            var mirrored = await f.CaughtUp(chain, TimeSpan.FromSeconds(60));
            var seconds = clock.Elapsed.TotalSeconds;
            var logs = mirrored.LogsApplied - before.LogsApplied;
            output.WriteLine($"mirrored {logs} logs in blocks {first}..{last} ({last - first + 1} blocks) in {seconds:0.00} s from the first block mined: {logs / seconds:0} logs/s");
            Assert.Equal(2 * Transfers, await chain.MirroredLogCount(first, last));
            Assert.Equal(2 * Transfers, logs);
        }
        await f.AssertMirrored(chain, holders, [(await chain.Latest()).Timestamp - 1]);

        // Steady state, one block at a time: how long from sending a transaction until its block is mirrored...
        var latencies = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            var sent = Stopwatch.StartNew();
            var result = await chain.Send(chain.Btk, keys[i % Holders], "transfer", holders[(i + 1) % Holders], 1);
            await Eventually.Until(() => f.Watcher(chain).GetStatus(), s => s.Cursor >= (long)result.BlockNumber.Value);
            latencies.Add(sent.Elapsed.TotalMilliseconds);
        }
        // ...and, with blocks coming as fast as the node mines them, how far behind the head the cursor runs.
        var lags = new List<long>();
        var stream = Stopwatch.StartNew();
        for (var i = 0; i < 60; i++)
        {
            var result = await chain.Send(chain.Btk, keys[i % Holders], "transfer", holders[(i + 3) % Holders], 1);
            lags.Add((long)result.BlockNumber.Value - (await f.Watcher(chain).GetStatus()).Cursor);
        }
        var rate = 60 / stream.Elapsed.TotalSeconds;
        await f.CaughtUp(chain);
        output.WriteLine($"steady state (poll every 100 ms, 0 confirmations): a transaction's block is mirrored {latencies.Average():0} ms after it is sent " +
            $"(max {latencies.Max():0} ms); with {rate:0} blocks/s arriving the cursor runs {lags.Average():0.0} blocks behind the head on average, {lags.Max()} at most");
    }

    private static async Task SubmitTransfers(TestChain chain, IReadOnlyList<byte[]> keys)
    {
        var holders = keys.Select(DevAccounts.AddressOf).ToList();
        var nonces = new BigInteger[Holders];
        for (var i = 0; i < Holders; i++) nonces[i] = await chain.Dev.Eth.Transactions.GetTransactionCount.SendRequestAsync(holders[i]);
        for (var n = 0; n < Transfers; n++)
        {
            var from = n % Holders;
            var to = (from + 1 + n / Holders % (Holders - 1)) % Holders;
            var transfer = chain.Btk.Encode("transfer", holders[to], new BigInteger(1 + n % 7));
            await chain.Dev.SubmitAsync(keys[from], chain.Btk.Address, transfer, nonces[from]++);
        }
    }

    private static async Task<int> Pending(TestChain chain)
    {
        var pending = Nethereum.RPC.Eth.DTOs.BlockParameter.CreatePending();
        var block = await chain.Dev.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(pending);
        return block.TransactionHashes.Length;
    }
}
