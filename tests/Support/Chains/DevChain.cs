using System.Collections.Concurrent;
using System.Numerics;
using System.Text.Json;
using Blocktrack.Chain;
using Blocktrack.Chain.Abi;
using Blocktrack.Chain.Rpc;
using Blocktrack.Chain.Transactions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;

namespace Blocktrack.Tests.Support;

/// <summary>
/// A dev chain as the tests drive it, through Nethereum: Hardhat's evm_* methods, contracts deployed from the devchain
/// artifacts, transactions from any key (one <see cref="TransactionSender"/> per key, polling receipts every 10 ms).
/// </summary>
public sealed class DevChain(Uri endpoint, long chainId, int maxAttempts = 3)
{
    private readonly ConcurrentDictionary<string, TransactionSender> _senders = new();

    /// <summary>A client that gives up quickly, so a failing test does not sit in backoff.</summary>
    public IClient Rpc { get; } = ResilientRpc.Create(new RpcOptions(endpoint)
    {
        MaxAttempts = maxAttempts, InitialBackoff = TimeSpan.FromMilliseconds(50), MaxBackoff = TimeSpan.FromMilliseconds(400),
        RequestTimeout = TimeSpan.FromSeconds(20),
    });

    public Nethereum.Contracts.Services.IEthApiContractService Eth => new Nethereum.Web3.Web3(Rpc).Eth;

    public long ChainId => chainId;

    public Task<T> Request<T>(string method, params object[] parameters) => Rpc.SendRequestAsync<T>(method, null, parameters);

    public async Task<long> BlockNumberAsync() => (long)(await Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

    public Task<BlockWithTransactionHashes?> BlockAsync(long number) =>
        Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(new HexBigInteger(number)))!;

    public Task<BlockWithTransactionHashes> LatestAsync() =>
        Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest());

    public async Task<long> TimestampOf(TransactionReceipt receipt) =>
        (long)(await BlockAsync((long)receipt.BlockNumber.Value))!.Timestamp.Value;

    public async Task MineAsync(int blocks = 1)
    {
        for (var i = 0; i < blocks; i++) await Request<string>("evm_mine");
    }

    public Task IncreaseTimeAsync(long seconds) => Request<object>("evm_increaseTime", seconds);

    public Task<string> SnapshotAsync() => Request<string>("evm_snapshot");

    public Task<bool> RevertAsync(string snapshot) => Request<bool>("evm_revert", snapshot);

    public Task SetAutomine(bool on) => Request<object>("evm_setAutomine", on);

    public Task SetBalance(string address, BigInteger wei) =>
        Request<object>("hardhat_setBalance", address, new HexBigInteger(wei).HexValue);

    public TransactionSender Sender(byte[] key) =>
        _senders.GetOrAdd(Hex.ToHex(key), _ =>
            new TransactionSender(Rpc, key, chainId, receiptPollInterval: TimeSpan.FromMilliseconds(10)));

    /// <summary>Signs a type-2 transaction with the given nonce and fees and submits it without waiting (automine may be off).</summary>
    public async Task<string> SubmitAsync(byte[] key, string to, byte[] data, BigInteger nonce, long gas = 200_000)
    {
        var input = new TransactionInput
        {
            From = Secp256k1Signer.AddressOf(key), To = to, Data = Hex.ToHex(data), Nonce = new HexBigInteger(nonce),
            Gas = new HexBigInteger(gas), Type = new HexBigInteger(2),
            MaxFeePerGas = new HexBigInteger(100_000_000_000), MaxPriorityFeePerGas = new HexBigInteger(1_000_000_000),
        };
        var signed = await Sender(key).Web3.TransactionManager.SignTransactionAsync(input);
        return await Eth.Transactions.SendRawTransaction.SendRequestAsync(signed);
    }

    /// <summary>Deploys an artifact of deploy/devchain/artifacts with constructor arguments.</summary>
    public async Task<DevContract> DeployAsync(string artifact, byte[] key, params object?[] arguments)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(ArtifactPath(artifact)));
        var abi = json.RootElement.GetProperty("abi").GetRawText();
        var data = Eth.DeployContract.GetData(json.RootElement.GetProperty("bytecode").GetString(), abi, AbiValues.ForEncoder(arguments)!);
        var deployed = await Sender(key).SendAsync(null, Hex.Parse(data));
        if (!deployed.Succeeded) throw new InvalidOperationException($"deploying {artifact} failed: {deployed.Error}");
        return new DevContract(this, deployed.Receipt!.ContractAddress, abi);
    }

    /// <summary>A contract already at an address (e.g. one computed before deployment).</summary>
    public DevContract At(string artifact, string address)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(ArtifactPath(artifact)));
        return new DevContract(this, address, json.RootElement.GetProperty("abi").GetRawText());
    }

    public static string ArtifactPath(string name) =>
        RepoRoot.File("deploy", "devchain", "artifacts", $"{name}.json");
}
