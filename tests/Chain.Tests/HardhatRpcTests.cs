using System.Numerics;
using Blocktrack.Chain.Tests.Support;
using Blocktrack.Tests.Support;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.NonceServices;

namespace Blocktrack.Chain.Tests;

/// <summary>Nethereum against a real Hardhat node: reverts, fees, blocks, reorgs via snapshots, nonces, and a dead node.</summary>
[Collection(HardhatCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class HardhatRpcTests(HardhatFixture chain)
{
    [Fact]
    public async Task The_well_known_dev_keys_control_the_nodes_funded_accounts()
    {
        var accounts = await chain.Dev.Eth.Accounts.SendRequestAsync();
        Assert.Equal(DevAccounts.Addresses, accounts.Take(DevAccounts.Addresses.Length).Select(a => a.ToLowerInvariant()));
        Assert.Equal(HardhatNode.DefaultChainId, (long)(await chain.Dev.Eth.ChainId.SendRequestAsync()).Value);
        Assert.True((await chain.Dev.Eth.GetBalance.SendRequestAsync(DevAccounts.Addresses[4])).Value > BigInteger.Pow(10, 21));
    }

    [Fact]
    public async Task Reverting_calls_surface_their_reason_string_panic_code_or_custom_error()
    {
        var owner = DevAccounts.Keys[1];
        var counter = await chain.DeployAsync("Counter", owner, DevAccounts.Addresses[1]);
        var from = DevAccounts.Addresses[1];

        Assert.Equal("Counter: above maximum", await counter.RevertOf("setNumber", from, 2_000_000));
        Assert.Contains("0x11", await counter.RevertOf("decrement", from));
        var stranger = DevAccounts.Addresses[2];
        Assert.Equal($"OwnableUnauthorizedAccount({stranger})", await counter.RevertOf("increment", stranger));

        // Without a gas limit the sender estimates gas, the estimate already fails with the reason, and nothing is sent.
        var estimate = await counter.SendAsync(owner, "setNumber", 2_000_000);
        Assert.False(estimate.Succeeded);
        Assert.Null(estimate.Hash);
        Assert.Contains("Counter: above maximum", estimate.Error);
    }

    [Fact]
    public async Task A_mined_failure_is_explained_by_replaying_it()
    {
        var owner = DevAccounts.Keys[1];
        var counter = await chain.DeployAsync("Counter", owner, DevAccounts.Addresses[1]);

        var result = await chain.Dev.Sender(owner).SendAsync(counter.Address, counter.Encode("setNumber", 5_000_000), gasLimit: 100_000);

        Assert.False(result.Succeeded);
        Assert.NotNull(result.Hash);
        Assert.Contains("Counter: above maximum", result.Error);

        var ok = await counter.SendAsync(owner, "setNumber", 7);
        Assert.True(ok.Succeeded, ok.Error);
        var changed = Assert.Single(counter.DecodeLogs(ok.Receipt!));
        Assert.Equal(new BigInteger(7), changed["current"]);
        Assert.Equal(new BigInteger(7), await counter.CallAsync<BigInteger>("number"));
    }

    [Fact]
    public async Task Blocks_link_to_their_parents_and_fee_history_prices_the_next_block()
    {
        await chain.Dev.MineAsync(3);
        var latest = await chain.Dev.LatestAsync();
        var parent = (await chain.Dev.BlockAsync((long)latest.Number.Value - 1))!;
        Assert.Equal(parent.BlockHash, latest.ParentHash);
        Assert.True(latest.Timestamp.Value >= parent.Timestamp.Value);
        Assert.Null(await chain.Dev.BlockAsync((long)latest.Number.Value + 1000));

        var history = await chain.Dev.Eth.FeeHistory.SendRequestAsync(new HexBigInteger(3), BlockParameter.CreateLatest(), [25, 75]);
        Assert.Equal(4, history.BaseFeePerGas.Length);
        Assert.Equal(latest.Number.Value - 2, history.OldestBlock.Value);
        Assert.All(history.Reward, r => Assert.Equal(2, r.Length));
        Assert.True((await chain.Dev.Eth.GasPrice.SendRequestAsync()).Value > 0);
        var count = chain.Dev.Eth.Transactions.GetTransactionCount;
        Assert.Equal((await count.SendRequestAsync(DevAccounts.Addresses[3], BlockParameter.CreateLatest())).Value,
            (await count.SendRequestAsync(DevAccounts.Addresses[3], BlockParameter.CreatePending())).Value);
    }

    [Fact]
    public async Task Reverting_to_a_snapshot_and_mining_again_replaces_the_blocks_at_a_height()
    {
        var snapshot = await chain.Dev.SnapshotAsync();
        await SendEther(DevAccounts.Keys[3], DevAccounts.Addresses[4], 1);
        await chain.Dev.MineAsync(2);
        var height = await chain.Dev.BlockNumberAsync() - 1;
        var original = (await chain.Dev.BlockAsync(height))!;

        Assert.True(await chain.Dev.RevertAsync(snapshot));
        Assert.True(await chain.Dev.BlockNumberAsync() < height);
        // A different transaction and clock make the replacement blocks differ from the ones dropped.
        await chain.Dev.IncreaseTimeAsync(30);
        await SendEther(DevAccounts.Keys[3], DevAccounts.Addresses[4], 2);
        await chain.Dev.MineAsync(2);

        var replacement = (await chain.Dev.BlockAsync(height))!;
        var child = (await chain.Dev.BlockAsync(height + 1))!;
        Assert.NotEqual(original.BlockHash, replacement.BlockHash);
        Assert.Equal(replacement.BlockHash, child.ParentHash);
        Assert.Equal((await chain.Dev.BlockAsync(height - 1))!.BlockHash, replacement.ParentHash);
    }

    [Fact]
    public async Task Nethereums_nonce_cache_goes_stale_after_evm_revert_until_reset_and_our_sender_does_not_use_it()
    {
        var key = DevAccounts.Keys[2];
        var nonces = new InMemoryNonceService(DevAccounts.Addresses[2], chain.Dev.Rpc);
        var snapshot = await chain.Dev.SnapshotAsync();
        var before = (await nonces.GetNextNonceAsync()).Value;
        await SendEther(key, DevAccounts.Addresses[4], 1);
        Assert.True(await chain.Dev.RevertAsync(snapshot));

        // The node is back at the old nonce; the cache hands out the next one, which the node would hold back forever.
        Assert.Equal(before + 1, (await nonces.GetNextNonceAsync()).Value);
        await nonces.ResetNonceAsync();
        Assert.Equal(before, (await nonces.GetNextNonceAsync()).Value);

        // Our sender asks the node each time, so the same account sends straight after the revert.
        await SendEther(key, DevAccounts.Addresses[4], 1);
    }

    [Fact]
    public async Task A_stopped_node_yields_the_error_after_retries()
    {
        var node = await HardhatNode.StartAsync(HardhatNode.DefaultChainId, FreePort.Next(), TimeSpan.FromSeconds(30));
        var eth = node.NewChain(maxAttempts: 3).Eth;
        Assert.Equal(HardhatNode.DefaultChainId, (long)(await eth.ChainId.SendRequestAsync()).Value);

        await node.DisposeAsync();

        var e = await Assert.ThrowsAsync<RpcClientUnknownException>(() => eth.Blocks.GetBlockNumber.SendRequestAsync());
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    private async Task SendEther(byte[] key, string to, BigInteger wei)
    {
        var sent = await chain.Dev.Sender(key).SendAsync(to, [], value: wei);
        Assert.True(sent.Succeeded, sent.Error);
    }
}
