using System.Numerics;
using Blocktrack.Chain.Rpc;
using Blocktrack.Chain.Tests.Support;
using Blocktrack.Tests.Support;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace Blocktrack.Chain.Tests;

/// <summary>BlocktrackToken on a real Hardhat node: deployed, minted, delegated and transferred from C#, read back
/// through getPastVotes at timestamps and through chunked eth_getLogs, all over Nethereum.</summary>
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
        var firstBlock = await chain.Dev.BlockNumberAsync();

        Assert.Equal("mode=timestamp", await token.CallAsync<string>("CLOCK_MODE"));
        Assert.Equal("BTK", await token.CallAsync<string>("symbol"));
        Assert.Equal("Blocktrack", await token.CallAsync<string>("name"));

        await Send(token, deployer, "mint", a, 100 * Btk);
        await Send(token, deployer, "mint", b, 50 * Btk);
        var minted = await Send(token, deployer, "mint", c, 25 * Btk);
        var tMinted = await TimestampOf(minted);

        await chain.Dev.IncreaseTimeAsync(100);
        await Send(token, alice, "delegate", a);
        await Send(token, bob, "delegate", a);
        var delegated = await Send(token, carol, "delegate", c);
        var tDelegated = await TimestampOf(delegated);

        await chain.Dev.IncreaseTimeAsync(100);
        var transferred = await Send(token, alice, "transfer", c, 30 * Btk);
        var tTransferred = await TimestampOf(transferred);

        await chain.Dev.IncreaseTimeAsync(100);
        await chain.Dev.MineAsync();

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
        var topics = token.Contract.ContractBuilder.ContractABI.Events
            .Where(e => e.Name is "Transfer" or "DelegateChanged" or "DelegateVotesChanged")
            .Select(e => "0x" + e.Sha3Signature).ToArray();
        var latest = await chain.Dev.BlockNumberAsync();
        var logs = await LogRanges.GetLogsAsync(chain.Dev.Eth, firstBlock, latest, [token.Address], topics, maxBlockRange: 5);
        var decoded = token.DecodeLogs(logs);
        Assert.True(latest - firstBlock + 1 > 5, "the range should need several eth_getLogs chunks");
        Assert.Equal(logs.OrderBy(l => l.BlockNumber.Value).ThenBy(l => l.LogIndex.Value), logs);

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
        var data = token.Encode("mint", DevAccounts.Addresses[4], 7);
        var sender = chain.Dev.Sender(DevAccounts.Deployer);

        var dynamicFee = await sender.SendAsync(token.Address, data);
        // Nethereum sends legacy transactions when told to (with the node's gas price), through the same account.
        var legacyInput = new TransactionInput
        {
            From = sender.From, To = token.Address, Data = Hex.ToHex(data), Gas = new HexBigInteger(200_000),
            GasPrice = await chain.Dev.Eth.GasPrice.SendRequestAsync(), Type = new HexBigInteger(0),
        };
        var legacy = await sender.Web3.TransactionManager.SendTransactionAndWaitForReceiptAsync(legacyInput);

        Assert.True(dynamicFee.Succeeded && legacy.Succeeded());
        Assert.Equal(2, await TypeOf(dynamicFee.Hash!));
        Assert.Equal(0, await TypeOf(legacy.TransactionHash));
        Assert.True(dynamicFee.Receipt!.GasUsed.Value > 21_000);
        Assert.Equal(new BigInteger(14), await token.CallAsync<BigInteger>("balanceOf", DevAccounts.Addresses[4]));
        var transfer = Assert.Single(token.DecodeLogs(dynamicFee.Receipt));
        Assert.Equal("Transfer", transfer.Name);
    }

    private static Task<TransactionReceipt> Send(DevContract contract, byte[] key, string function, params object?[] arguments) =>
        contract.SucceedAsync(key, function, arguments);

    private Task<long> TimestampOf(TransactionReceipt receipt) => chain.Dev.TimestampOf(receipt);

    private async Task<long> TypeOf(string hash) =>
        (long)(await chain.Dev.Eth.Transactions.GetTransactionByHash.SendRequestAsync(hash)).Type.Value;
}
