using System.Numerics;
using Blocktrack.Chain.Rpc;
using Blocktrack.Chain.Tests.Support;
using Blocktrack.Chain.Transactions;

namespace Blocktrack.Chain.Tests;

/// <summary>The JSON-RPC client against a real Hardhat node: reverts, fees, blocks, reorgs via snapshots, and a dead node.</summary>
[Collection(HardhatCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class HardhatRpcTests(HardhatFixture chain)
{
    [Fact]
    public async Task The_well_known_dev_keys_control_the_nodes_funded_accounts()
    {
        var accounts = await chain.DevChain.AccountsAsync();
        Assert.Equal(DevAccounts.Addresses, accounts.Take(DevAccounts.Addresses.Length));
        Assert.Equal(HardhatNode.DefaultChainId, await chain.Eth.ChainIdAsync());
        Assert.True(await chain.Eth.GetBalanceAsync(DevAccounts.Addresses[4]) > BigInteger.Pow(10, 21));
    }

    [Fact]
    public async Task Reverting_calls_surface_their_reason_string_panic_code_or_custom_error()
    {
        var owner = DevAccounts.Keys[1];
        var counter = await chain.DeployAsync("Counter", owner, DevAccounts.Addresses[1]);
        var from = DevAccounts.Addresses[1];

        var tooLarge = await Assert.ThrowsAsync<JsonRpcException>(() => counter.CallAsync("setNumber", [2_000_000], from: from));
        Assert.Equal("Counter: above maximum", tooLarge.Revert?.Message);

        var underflow = await Assert.ThrowsAsync<JsonRpcException>(() => counter.CallAsync("decrement", [], from: from));
        Assert.Equal(new BigInteger(0x11), underflow.Revert?.PanicCode);

        var stranger = await Assert.ThrowsAsync<JsonRpcException>(() => counter.CallAsync("increment", [], from: DevAccounts.Addresses[2]));
        var custom = stranger.Revert?.DecodeCustomError(counter.Abi);
        Assert.Equal("OwnableUnauthorizedAccount", custom?.Name);
        Assert.Equal(DevAccounts.Addresses[2], custom?.Values[0]);

        // Without a gas limit the sender estimates gas, and the estimate already fails with the reason.
        var estimate = await Assert.ThrowsAsync<JsonRpcException>(() => counter.SendAsync(chain.Sender, owner, "setNumber", 2_000_000));
        Assert.Equal("Counter: above maximum", estimate.Revert?.Message);
    }

    [Fact]
    public async Task A_mined_failure_is_explained_by_replaying_it()
    {
        var owner = DevAccounts.Keys[1];
        var counter = await chain.DeployAsync("Counter", owner, DevAccounts.Addresses[1]);
        var request = new TransactionRequest(counter.Address, counter.Abi.Function("setNumber").EncodeCall(5_000_000)) { GasLimit = 100_000 };

        var result = await chain.Sender.SendAsync(request, owner);

        Assert.False(result.Succeeded);
        Assert.Equal("Counter: above maximum", result.Revert?.Message);
        var thrown = Assert.Throws<TransactionRevertedException>(() => result.EnsureSuccess());
        Assert.Contains("Counter: above maximum", thrown.Message);

        var ok = (await counter.SendAsync(chain.Sender, owner, "setNumber", 7)).EnsureSuccess();
        var changed = Assert.Single(counter.DecodeLogs(ok.Receipt.Logs));
        Assert.Equal(new BigInteger(7), changed["current"]);
        Assert.Equal(new BigInteger(7), await counter.CallAsync<BigInteger>("number"));
    }

    [Fact]
    public async Task Blocks_link_to_their_parents_and_fee_history_prices_the_next_block()
    {
        await chain.DevChain.MineAsync(3);
        var latest = (await chain.Eth.GetBlockAsync(BlockTag.Latest))!;
        var parent = (await chain.Eth.GetBlockAsync(latest.Number - 1))!;
        Assert.Equal(parent.Hash, latest.ParentHash);
        Assert.True(latest.Timestamp >= parent.Timestamp);
        Assert.Null(await chain.Eth.GetBlockAsync(latest.Number + 1000));

        var history = await chain.Eth.FeeHistoryAsync(3, BlockTag.Latest, [25, 75]);
        Assert.Equal(4, history.BaseFeePerGas.Count);
        Assert.Equal(latest.Number - 2, history.OldestBlock);
        Assert.NotNull(history.NextBaseFee);
        Assert.All(history.Rewards, r => Assert.Equal(2, r.Count));
        Assert.True(await chain.Eth.GasPriceAsync() > 0);
        Assert.Equal(await chain.Eth.GetTransactionCountAsync(DevAccounts.Addresses[3], BlockTag.Latest),
            await chain.Eth.GetTransactionCountAsync(DevAccounts.Addresses[3], BlockTag.Pending));
    }

    [Fact]
    public async Task Reverting_to_a_snapshot_and_mining_again_replaces_the_blocks_at_a_height()
    {
        var snapshot = await chain.DevChain.SnapshotAsync();
        await SendEther(DevAccounts.Keys[3], DevAccounts.Addresses[4], 1);
        await chain.DevChain.MineAsync(2);
        var height = await chain.Eth.BlockNumberAsync() - 1;
        var original = (await chain.Eth.GetBlockAsync(height))!;

        Assert.True(await chain.DevChain.RevertAsync(snapshot));
        Assert.True(await chain.Eth.BlockNumberAsync() < original.Number);
        // A different transaction and clock make the replacement blocks differ from the ones dropped.
        await chain.DevChain.IncreaseTimeAsync(30);
        await SendEther(DevAccounts.Keys[3], DevAccounts.Addresses[4], 2);
        await chain.DevChain.MineAsync(2);

        var replacement = (await chain.Eth.GetBlockAsync(height))!;
        var child = (await chain.Eth.GetBlockAsync(height + 1))!;
        Assert.NotEqual(original.Hash, replacement.Hash);
        Assert.Equal(replacement.Hash, child.ParentHash);
        Assert.Equal((await chain.Eth.GetBlockAsync(height - 1))!.Hash, replacement.ParentHash);
    }

    [Fact]
    public async Task A_stopped_node_yields_the_transient_error_after_retries()
    {
        var node = await HardhatNode.StartAsync(HardhatNode.DefaultChainId, FreePort.Next(), TimeSpan.FromSeconds(30));
        using var rpc = node.NewRpc(maxAttempts: 3);
        var eth = new EthClient(rpc);
        Assert.Equal(HardhatNode.DefaultChainId, await eth.ChainIdAsync());

        await node.DisposeAsync();

        var e = await Assert.ThrowsAsync<JsonRpcTransientException>(() => eth.BlockNumberAsync());
        Assert.Equal(3, e.Attempts);
        Assert.Equal("eth_blockNumber", e.Method);
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    private async Task SendEther(byte[] key, string to, BigInteger wei) =>
        (await chain.Sender.SendAsync(new TransactionRequest(to, [], wei), key)).EnsureSuccess();
}
