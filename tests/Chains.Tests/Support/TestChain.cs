using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Chain.Rpc;
using Blocktrack.Tests.Support;
using Nethereum.RPC.Eth.DTOs;

namespace Blocktrack.Chains.Tests;

/// <summary>
/// One test chain: its Hardhat node, clients, and the contracts deployed by account #0 from a fresh nonce, so their
/// addresses are known before the node starts (BTK at nonce 0; with a governor, the timelock at 1 and the Governor at 2;
/// with an escrow, the VotingEscrow next).
/// </summary>
public sealed class TestChain : IAsyncDisposable
{
    public const int VotingDelaySeconds = 1;
    public const int VotingPeriodSeconds = 300;
    public const string EthZero = "0x0000000000000000000000000000000000000000";
    public const int GasLimit = 1_000_000;

    private HardhatNode? _node;

    private TestChain(long id, string name, int port, bool withGovernor, bool withEscrow, HardhatNode node)
    {
        Id = id;
        Name = name;
        Port = port;
        WithGovernor = withGovernor;
        WithEscrow = withEscrow;
        _node = node;
        Dev = node.NewChain();
        Btk = Dev.At("BlocktrackToken", ContractAddress.Of(DevAccounts.DeployerAddress, 0));
        Timelock = Dev.At("TimelockController", ContractAddress.Of(DevAccounts.DeployerAddress, 1));
        Governor = Dev.At("BlocktrackGovernor", ContractAddress.Of(DevAccounts.DeployerAddress, 2));
        Escrow = Dev.At("VotingEscrow", ContractAddress.Of(DevAccounts.DeployerAddress, withGovernor ? 3 : 1));
    }

    public long Id { get; }
    public string Name { get; }
    public int Port { get; }
    public bool WithGovernor { get; }
    public bool WithEscrow { get; }
    public string RpcUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The token id the cluster mirrors this chain's BTK under.</summary>
    public string Token => $"btk@{Id}";

    /// <summary>The token id the cluster mirrors this chain's VotingEscrow under (a <c>voteEscrow</c> power source's token).</summary>
    public string EscrowToken => $"vebtk@{Id}";

    public DevChain Dev { get; }
    public DevContract Btk { get; }
    public DevContract Timelock { get; }
    public DevContract Governor { get; }
    public DevContract Escrow { get; }

    public static async Task<TestChain> StartAsync(long id, string name, bool withGovernor, bool withEscrow = false)
    {
        var port = FreePort.Next();
        var node = await HardhatNode.StartAsync(id, port, TimeSpan.FromSeconds(30), HardhatConfig);
        return new(id, name, port, withGovernor, withEscrow, node);
    }

    /// <summary>BTK (and the timelock and Governor, and the VotingEscrow) at their precomputed addresses.</summary>
    public async Task DeployAsync()
    {
        var deployer = DevAccounts.Deployer;
        var token = await Dev.DeployAsync("BlocktrackToken", deployer, DevAccounts.DeployerAddress);
        Assert.Equal(Btk.Address, token.Address);
        if (WithGovernor) await DeployGovernor(deployer);
        if (WithEscrow) Assert.Equal(Escrow.Address, (await Dev.DeployAsync("VotingEscrow", deployer, Btk.Address)).Address);
        if (!WithGovernor) return;
        foreach (var role in new[] { "PROPOSER_ROLE", "CANCELLER_ROLE" })
            await Send(Timelock, deployer, "grantRole", Keccak256.Hash(role), Governor.Address);
    }

    private async Task DeployGovernor(byte[] deployer)
    {
        var timelock = await Dev.DeployAsync(
            "TimelockController", deployer, 1, Array.Empty<string>(), new[] { EthZero }, DevAccounts.DeployerAddress);
        Assert.Equal(Timelock.Address, timelock.Address);
        var governor = await Dev.DeployAsync(
            "BlocktrackGovernor", deployer, Btk.Address, Timelock.Address, VotingDelaySeconds, VotingPeriodSeconds, 0, 4);
        Assert.Equal(Governor.Address, governor.Address);
    }

    /// <summary>
    /// Sends with a fixed gas limit: blocks may share a timestamp here, and an estimate made for one second can fall short
    /// in the next (ERC20Votes then writes a new checkpoint slot instead of updating one).
    /// </summary>
    public async Task<TransactionReceipt> Send(DevContract contract, byte[] key, string function, params object?[] arguments)
    {
        var sent = await Dev.Sender(key).SendAsync(contract.Address, contract.Encode(function, arguments), GasLimit);
        Assert.True(sent.Succeeded, $"{function} failed: {sent.Error}");
        return sent.Receipt!;
    }

    /// <summary>A fresh account with 1000 ETH for gas.</summary>
    public async Task<byte[]> NewFundedKey()
    {
        var key = DevAccounts.NewKey();
        await Dev.SetBalance(DevAccounts.AddressOf(key), BigInteger.Pow(10, 21));
        return key;
    }

    /// <summary>Mints to every key and has each delegate to itself (or to <paramref name="delegatee"/>).</summary>
    public async Task MintAndDelegate(IEnumerable<byte[]> keys, BigInteger amount, string? delegatee = null)
    {
        foreach (var key in keys)
        {
            var address = DevAccounts.AddressOf(key);
            await Send(Btk, DevAccounts.Deployer, "mint", address, amount);
            await Send(Btk, key, "delegate", delegatee ?? address);
        }
    }

    public Task SetAutomine(bool on) => Dev.SetAutomine(on);

    /// <summary>Moves the chain's clock forward and mines a block there.</summary>
    public async Task AdvanceTime(long seconds)
    {
        await Dev.IncreaseTimeAsync(seconds);
        await Dev.MineAsync();
    }

    public async Task<(long Number, long Timestamp)> Latest()
    {
        var block = await Dev.LatestAsync();
        return ((long)block.Number.Value, (long)block.Timestamp.Value);
    }

    public async Task<BigInteger> PastVotes(string account, long timepoint) =>
        await Btk.CallAsync<BigInteger>("getPastVotes", account, timepoint);

    /// <summary>Every address that ever had votes on this chain, from its DelegateVotesChanged logs.</summary>
    public async Task<IReadOnlyList<string>> Delegates()
    {
        var head = await Dev.BlockNumberAsync();
        var logs = await LogRanges.GetLogsAsync(Dev.Eth, 0, head, [Btk.Address], [Grains.Chains.VoteLogs.DelegateVotesChanged], 10_000);
        return [.. Btk.DecodeLogs(logs).Select(e => e.Get<string>("delegate")).Distinct()];
    }

    /// <summary>Votable power at a timepoint: the sum of every delegate's past votes.</summary>
    public async Task<BigInteger> VotablePower(long timepoint)
    {
        var votes = await Task.WhenAll((await Delegates()).Select(d => PastVotes(d, timepoint)));
        return votes.Aggregate(BigInteger.Zero, (a, b) => a + b);
    }

    /// <summary>How many logs the watcher mirrors in a block range (the token's vote logs, the Governor's and escrow's events).</summary>
    public async Task<int> MirroredLogCount(long from, long to)
    {
        string[] topics = [.. Grains.Chains.VoteLogs.Topics, .. Grains.Chains.GovernorLogs.Topics, .. Grains.Chains.EscrowLogs.Topics];
        var addresses = new List<string> { Btk.Address };
        if (WithGovernor) addresses.Add(Governor.Address);
        if (WithEscrow) addresses.Add(Escrow.Address);
        return (await LogRanges.GetLogsAsync(Dev.Eth, from, to, addresses, topics, 10_000)).Count;
    }

    /// <summary>Kills the node: the chain is gone until <see cref="StartFreshNode"/>.</summary>
    public async Task StopNode()
    {
        if (_node is not null) await _node.DisposeAsync();
        _node = null;
    }

    /// <summary>A new node with the same chain id on the same port: a new chain from genesis, contracts not yet deployed.</summary>
    public async Task StartFreshNode() => _node = await HardhatNode.StartAsync(Id, Port, TimeSpan.FromSeconds(30), HardhatConfig);

    /// <summary>This project's hardhat config (blocks may share a timestamp, as on Arbitrum chains).</summary>
    public static string HardhatConfig => Path.Combine(AppContext.BaseDirectory, "hardhat", "hardhat.config.js");

    public ValueTask DisposeAsync() => new(StopNode());
}
