using System.Collections.Concurrent;
using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Chain.Abi;
using Blocktrack.Chain.Rpc;
using Blocktrack.Chain.Transactions;
using Blocktrack.Grains.Interfaces;
using Microsoft.Extensions.Options;

namespace Blocktrack.Grains.Chains;

/// <summary>
/// Executes a proposal's on-chain calls through the chain's TimelockController with the executor key: the
/// cluster has already run the proposal's timelock, so the batch is scheduled with the controller's minimum delay
/// (zero on the cluster's own controller) and executed at once. Revert reasons come back as the failure.
/// </summary>
public sealed class TimelockExecutor(IOptions<ChainsOptions> options) : IChainExecutor, IDisposable
{
    private static readonly AbiFunction ScheduleBatch = AbiFunction.Parse("scheduleBatch(address[],uint256[],bytes[],bytes32,bytes32,uint256)");
    private static readonly AbiFunction ExecuteBatchFn = AbiFunction.Parse("executeBatch(address[],uint256[],bytes[],bytes32,bytes32)");
    private static readonly AbiFunction HashOperationBatch = AbiFunction.Parse("function hashOperationBatch(address[],uint256[],bytes[],bytes32,bytes32) view returns (bytes32)");
    private static readonly AbiFunction IsOperation = AbiFunction.Parse("function isOperation(bytes32) view returns (bool)");
    private static readonly AbiFunction IsOperationDone = AbiFunction.Parse("function isOperationDone(bytes32) view returns (bool)");
    private static readonly AbiFunction GetMinDelay = AbiFunction.Parse("function getMinDelay() view returns (uint256)");

    private readonly ConcurrentDictionary<long, (JsonRpcClient Rpc, EthClient Eth, TransactionSender Sender)> _clients = new();

    public bool CanExecute(long chain) => options.Value.Find(chain)?.Executor.CanExecute == true;

    public long? AnchorChain => options.Value.Chains.FirstOrDefault(c => c.Executor.CanAnchor)?.Id;

    public async Task<OnChainOutcome> ExecuteBatch(long chain, IReadOnlyList<OnChainCall> calls, string operation, CancellationToken cancellationToken = default)
    {
        var config = options.Value.Find(chain);
        if (config is null || !config.Executor.CanExecute)
            return new OnChainOutcome(false, $"chain {chain} has no executor configured (Chains:…:Executor)", []);
        var (_, eth, sender) = Client(config);
        var key = Hex.Parse(config.Executor.PrivateKey, 32);
        var timelock = config.Executor.Timelock;
        object?[] batch =
        [
            calls.Select(c => (object?)c.Target).ToArray(), calls.Select(c => (object?)c.Value).ToArray(),
            calls.Select(c => (object?)Hex.Parse(c.Calldata)).ToArray(), new byte[32], Keccak256.Hash(operation),
        ];
        var transactions = new List<Interfaces.ChainTransaction>();
        try
        {
            var id = (byte[])(await View(eth, timelock, HashOperationBatch, batch, cancellationToken))[0]!;
            if ((bool)(await View(eth, timelock, IsOperationDone, [id], cancellationToken))[0]!)
                return new OnChainOutcome(true, null, []); // executed before a crash: nothing more to do
            if (!(bool)(await View(eth, timelock, IsOperation, [id], cancellationToken))[0]!)
            {
                var delay = (BigInteger)(await View(eth, timelock, GetMinDelay, [], cancellationToken))[0]!;
                var scheduled = await Send(sender, key, timelock, ScheduleBatch.EncodeCall([.. batch, delay]), chain, "scheduleBatch", cancellationToken);
                transactions.Add(scheduled);
                if (!scheduled.Succeeded) return new OnChainOutcome(false, scheduled.Error, [.. transactions]);
            }
            var executed = await Send(sender, key, timelock, ExecuteBatchFn.EncodeCall(batch), chain, "executeBatch", cancellationToken);
            transactions.Add(executed);
            return new OnChainOutcome(executed.Succeeded, executed.Error, [.. transactions]);
        }
        catch (Exception e) when (e is JsonRpcException or JsonRpcTransportException or AbiException)
        {
            return new OnChainOutcome(false, e.Message, [.. transactions]);
        }
    }

    public async Task<Interfaces.ChainTransaction> Anchor(string function, object?[] arguments, CancellationToken cancellationToken = default)
    {
        var config = AnchorConfig();
        var (_, _, sender) = Client(config);
        return await Send(sender, Hex.Parse(config.Executor.PrivateKey, 32), config.Executor.Anchor,
            AnchorAbi.Function(function).EncodeCall(arguments), config.Id, function, cancellationToken);
    }

    public async Task<object?[]> ReadAnchor(string function, object?[] arguments, CancellationToken cancellationToken = default)
    {
        var config = AnchorConfig();
        return await View(Client(config).Eth, config.Executor.Anchor, AnchorAbi.Function(function), arguments, cancellationToken);
    }

    private ChainOptions AnchorConfig() =>
        options.Value.Chains.FirstOrDefault(c => c.Executor.CanAnchor) ?? throw new InvalidOperationException("no chain has an anchor configured");

    private static async Task<object?[]> View(IEthClient eth, string contract, AbiFunction function, object?[] arguments, CancellationToken cancellationToken) =>
        function.DecodeOutput(await eth.CallAsync(new CallRequest(contract, function.EncodeCall(arguments)), BlockTag.Latest, cancellationToken));

    private static async Task<Interfaces.ChainTransaction> Send(TransactionSender sender, byte[] key, string to, byte[] data, long chain, string purpose,
        CancellationToken cancellationToken)
    {
        try
        {
            var result = await sender.SendAsync(new TransactionRequest(to, data), key, cancellationToken);
            return new Interfaces.ChainTransaction
            {
                Chain = chain, Purpose = purpose, Hash = result.Hash, Succeeded = result.Succeeded,
                Error = result.Succeeded ? null : result.Revert?.ToString() ?? result.FailureMessage ?? "reverted",
            };
        }
        catch (JsonRpcException e) when (e.IsRevert)
        {
            // Gas estimation already reverted: nothing was sent.
            return new Interfaces.ChainTransaction { Chain = chain, Purpose = purpose, Succeeded = false, Error = e.Revert?.ToString() ?? e.RpcMessage };
        }
    }

    private (JsonRpcClient Rpc, EthClient Eth, TransactionSender Sender) Client(ChainOptions chain) => _clients.GetOrAdd(chain.Id, _ =>
    {
        var rpc = new JsonRpcClient(new JsonRpcClientOptions(new Uri(chain.Rpc)) { MaxAttempts = 3 });
        var eth = new EthClient(rpc);
        // A generous gas margin: on chains whose blocks share timestamps an estimate can miss a checkpoint write.
        return (rpc, eth, new TransactionSender(eth, new TransactionSenderOptions { GasMarginPercent = 50 }));
    });

    public void Dispose()
    {
        foreach (var (rpc, _, _) in _clients.Values) rpc.Dispose();
    }
}
