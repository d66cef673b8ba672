using System.Numerics;
using Blocktrack.Chain.Abi;
using Blocktrack.Chain.Rpc;
using Blocktrack.Chain.Tests.Support;
using Blocktrack.Chain.Transactions;

namespace Blocktrack.Chain.Tests;

/// <summary>BlocktrackToken on a real Hardhat node: deployed, minted, delegated and transferred from C#, read back
/// through getPastVotes at timestamps and through chunked eth_getLogs.</summary>
[Collection(HardhatCollection.Name)]
[Trait("Category", TestCategory.Chain)]
public sealed class HardhatTokenTests(HardhatFixture chain)
{
    private static readonly BigInteger Btk = BigInteger.Pow(10, 18);

    [Fact]
    public async Task Past_votes_follow_delegation_and_transfers_at_timestamps_and_logs_replay_them()
    {
        var deployer = DevAccounts.Deployer;
        var (alice, bob, carol) = (DevAccounts.Keys[1], DevAccounts.Keys[2], DevAccounts.Keys[3]);
        var (a, b, c) = (DevAccounts.Addresses[1], DevAccounts.Addresses[2], DevAccounts.Addresses[3]);
        var token = await chain.DeployAsync("BlocktrackToken", deployer, DevAccounts.Addresses[0]);
        // Hardhat mines one block per transaction, so the deployment is the latest block.
        var firstBlock = await chain.Eth.BlockNumberAsync();

        Assert.Equal("mode=timestamp", await token.CallAsync<string>("CLOCK_MODE"));
        Assert.Equal("BTK", await token.CallAsync<string>("symbol"));
        Assert.Equal("Blocktrack", await token.CallAsync<string>("name"));

        await Send(token, deployer, "mint", a, 100 * Btk);
        await Send(token, deployer, "mint", b, 50 * Btk);
        var minted = await Send(token, deployer, "mint", c, 25 * Btk);
        var tMinted = await TimestampOf(minted);

        await chain.DevChain.IncreaseTimeAsync(100);
        await Send(token, alice, "delegate", a);
        await Send(token, bob, "delegate", a);
        var delegated = await Send(token, carol, "delegate", c);
        var tDelegated = await TimestampOf(delegated);

        await chain.DevChain.IncreaseTimeAsync(100);
        var transferred = await Send(token, alice, "transfer", c, 30 * Btk);
        var tTransferred = await TimestampOf(transferred);

        await chain.DevChain.IncreaseTimeAsync(100);
        await chain.DevChain.MineAsync();

        Assert.True(tMinted < tDelegated && tDelegated < tTransferred);
        Assert.Equal(BigInteger.Zero, await token.CallAsync<BigInteger>("getPastVotes", a, tMinted));
        Assert.Equal(150 * Btk, await token.CallAsync<BigInteger>("getPastVotes", a, tDelegated));
        Assert.Equal(25 * Btk, await token.CallAsync<BigInteger>("getPastVotes", c, tDelegated));
        Assert.Equal(BigInteger.Zero, await token.CallAsync<BigInteger>("getPastVotes", b, tDelegated));
        Assert.Equal(120 * Btk, await token.CallAsync<BigInteger>("getPastVotes", a, tTransferred));
        Assert.Equal(55 * Btk, await token.CallAsync<BigInteger>("getPastVotes", c, tTransferred));
        Assert.Equal(175 * Btk, await token.CallAsync<BigInteger>("getPastTotalSupply", tTransferred));
        Assert.Equal(120 * Btk, await token.CallAsync<BigInteger>("getVotes", a));

        // The same history, rebuilt from logs fetched five blocks at a time.
        var events = new[] { "Transfer", "DelegateChanged", "DelegateVotesChanged" }.Select(token.Abi.Event).ToArray();
        var latest = await chain.Eth.BlockNumberAsync();
        var logs = await chain.Eth.GetLogsAsync(new LogFilter(firstBlock, latest, [token.Address], [events.Select(e => e.Topic0Hex).ToArray()]));
        var decoded = token.DecodeLogs(logs);
        Assert.True(latest - firstBlock + 1 > 5, "the range should need several eth_getLogs chunks");
        Assert.Equal(logs.OrderBy(l => l.BlockNumber).ThenBy(l => l.LogIndex), logs);

        var transfers = decoded.Where(e => e.Name == "Transfer").Select(e => ((string)e["from"]!, (string)e["to"]!, (BigInteger)e["value"]!)).ToArray();
        var zero = "0x0000000000000000000000000000000000000000";
        Assert.Equal([(zero, a, 100 * Btk), (zero, b, 50 * Btk), (zero, c, 25 * Btk), (a, c, 30 * Btk)], transfers);

        var delegations = decoded.Where(e => e.Name == "DelegateChanged").Select(e => ((string)e["delegator"]!, (string)e["toDelegate"]!)).ToArray();
        Assert.Equal([(a, a), (b, a), (c, c)], delegations);

        var votes = new Dictionary<string, BigInteger>();
        foreach (var change in decoded.Where(e => e.Name == "DelegateVotesChanged"))
        {
            var delegate_ = (string)change["delegate"]!;
            Assert.Equal(votes.GetValueOrDefault(delegate_), (BigInteger)change["previousVotes"]!);
            votes[delegate_] = (BigInteger)change["newVotes"]!;
        }
        Assert.Equal(120 * Btk, votes[a]);
        Assert.Equal(55 * Btk, votes[c]);
        Assert.False(votes.ContainsKey(b));
    }

    [Fact]
    public async Task Eip1559_and_legacy_transactions_are_both_accepted()
    {
        var token = await chain.DeployAsync("BlocktrackToken", DevAccounts.Deployer, DevAccounts.Addresses[0]);
        var data = token.Abi.Function("mint").EncodeCall(DevAccounts.Addresses[4], 7);

        var dynamicFee = await chain.Sender.SendAsync(new TransactionRequest(token.Address, data), DevAccounts.Deployer);
        var legacy = await chain.Sender.SendAsync(new TransactionRequest(token.Address, data) { GasPrice = await chain.Eth.GasPriceAsync() }, DevAccounts.Deployer);

        Assert.True(dynamicFee.Succeeded && legacy.Succeeded);
        Assert.Equal("0x2", await TypeOf(dynamicFee.Hash));
        Assert.Equal("0x0", await TypeOf(legacy.Hash));
        Assert.True(dynamicFee.Receipt.GasUsed > 21_000);
        Assert.Equal(new BigInteger(14), await token.CallAsync<BigInteger>("balanceOf", DevAccounts.Addresses[4]));
        var transfer = Assert.Single(token.DecodeLogs(dynamicFee.Receipt.Logs));
        Assert.Equal("Transfer", transfer.Name);
    }

    private async Task<TransactionResult> Send(ContractClient contract, byte[] key, string function, params object?[] arguments) =>
        (await contract.SendAsync(chain.Sender, key, function, arguments)).EnsureSuccess();

    private async Task<long> TimestampOf(TransactionResult result) =>
        (await chain.Eth.GetBlockAsync(result.Receipt.BlockNumber))!.Timestamp;

    private async Task<string> TypeOf(string hash) =>
        (await chain.Rpc.RequestAsync("eth_getTransactionByHash", [hash], CancellationToken.None)).GetProperty("type").GetString()!;
}
