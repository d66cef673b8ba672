using System.Collections.Concurrent;
using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Chain.Abi;
using Blocktrack.Chain.Rpc;
using Blocktrack.Chain.Transactions;
using Blocktrack.Grains.Chains;
using Blocktrack.Grains.Interfaces;
using Microsoft.Extensions.Options;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.JsonRpc.Client;

namespace Blocktrack.Silo.Chains;

/// <summary>
/// Executes a proposal's on-chain calls through the chain's TimelockController with the executor key: the
/// cluster has already run the proposal's timelock, so the batch is scheduled with the controller's minimum delay
/// (zero on the cluster's own controller) and executed at once. Revert reasons come back as the failure.
/// </summary>
public sealed class TimelockExecutor(IOptions<ChainsOptions> options) : IChainExecutor
{
    private static readonly AbiFunction ScheduleBatch =
        AbiFunction.Parse("scheduleBatch(address[],uint256[],bytes[],bytes32,bytes32,uint256)");
    private static readonly AbiFunction ExecuteBatchFn = AbiFunction.Parse("executeBatch(address[],uint256[],bytes[],bytes32,bytes32)");
    private static readonly AbiFunction HashOperationBatch = AbiFunction.Parse(
        "function hashOperationBatch(address[],uint256[],bytes[],bytes32,bytes32) view returns (bytes32)");
    private static readonly AbiFunction IsOperation = AbiFunction.Parse("function isOperation(bytes32) view returns (bool)");
    private static readonly AbiFunction IsOperationDone = AbiFunction.Parse("function isOperationDone(bytes32) view returns (bool)");
    private static readonly AbiFunction GetMinDelay = AbiFunction.Parse("function getMinDelay() view returns (uint256)");

    private static readonly AbiFunction HasRole = AbiFunction.Parse("function hasRole(bytes32,address) view returns (bool)");
    private static readonly byte[] ProposerRole = Keccak256.Hash("PROPOSER_ROLE");
    private static readonly byte[] ExecutorRole = Keccak256.Hash("EXECUTOR_ROLE");
    private const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    private readonly ConcurrentDictionary<long, TransactionSender> _senders = new();

    public bool CanExecute(long chain) => options.Value.Find(chain)?.Executor.CanExecute == true;

    public (long Chain, string Contract)? BadgeContract =>
        options.Value.Chains.FirstOrDefault(c => c.Executor.CanMintBadges) is { } c ? (c.Id, c.Executor.Badges.ToLowerInvariant()) : null;

    public long? AnchorChain => options.Value.Chains.FirstOrDefault(c => c.Executor.CanAnchor)?.Id;

    public async Task<OnChainOutcome> ExecuteBatch(long chain, IReadOnlyList<OnChainCall> calls, string operation,
        string? timelock = null, CancellationToken cancellationToken = default)
    {
        var config = options.Value.Find(chain);
        if (config is null || !config.Executor.CanExecute)
            return new OnChainOutcome(false, $"chain {chain} has no executor configured (Chains:…:Executor)", []);
        var sender = Sender(config);
        timelock ??= config.Executor.Timelock;
        object?[] batch =
        [
            calls.Select(c => c.Target).ToArray(), calls.Select(c => c.Value).ToArray(),
            calls.Select(c => Hex.Parse(c.Calldata)).ToArray(), new byte[32], Keccak256.Hash(operation),
        ];
        var transactions = new List<ChainTransaction>();
        try
        {
            var eth = sender.Web3.Eth;
            var id = (await HashOperationBatch.CallAsync(eth, timelock, batch))[0];
            if ((bool)(await IsOperationDone.CallAsync(eth, timelock, id))[0]!)
                return new OnChainOutcome(true, null, []); // executed before a crash: nothing more to do
            if (!(bool)(await IsOperation.CallAsync(eth, timelock, id))[0]!)
            {
                var delay = (BigInteger)(await GetMinDelay.CallAsync(eth, timelock))[0]!;
                var schedule = ScheduleBatch.EncodeCall([.. batch, delay]);
                var scheduled = await Send(sender, timelock, schedule, chain, "scheduleBatch", cancellationToken);
                transactions.Add(scheduled);
                if (!scheduled.Succeeded) return new OnChainOutcome(false, scheduled.Error, [.. transactions]);
            }
            var executed = await Send(sender, timelock, ExecuteBatchFn.EncodeCall(batch), chain, "executeBatch", cancellationToken);
            transactions.Add(executed);
            return new OnChainOutcome(executed.Succeeded, executed.Error, [.. transactions]);
        }
        catch (Exception e) when (e is RpcResponseException or RpcClientUnknownException or RpcClientTimeoutException
                                      or SmartContractRevertException or AbiException)
        {
            return new OnChainOutcome(false, e.Message, [.. transactions]);
        }
    }

    public async Task<bool> Controls(long chain, string account, CancellationToken cancellationToken = default)
    {
        var config = options.Value.Find(chain);
        if (config is null || !config.Executor.CanExecute) return false;
        var sender = Sender(config);
        var eth = sender.Web3.Eth;
        async Task<bool> Holds(byte[] role, string who) => (bool)(await HasRole.CallAsync(eth, account, role, who))[0]!;
        try
        {
            // OpenZeppelin's controller lets anyone execute when address(0) holds the executor role.
            return await Holds(ProposerRole, sender.From)
                   && (await Holds(ExecutorRole, sender.From) || await Holds(ExecutorRole, ZeroAddress));
        }
        catch (Exception e) when (e is RpcResponseException or SmartContractRevertException or AbiException)
        {
            return false; // not a TimelockController (no hasRole), or nothing deployed there
        }
    }

    public async Task<ChainTransaction> Anchor(string function, object?[] arguments, CancellationToken cancellationToken = default)
    {
        var config = AnchorConfig();
        return await Send(Sender(config), config.Executor.Anchor, AnchorAbi.Function(function).EncodeCall(arguments), config.Id, function,
            cancellationToken);
    }

    public async Task<object?[]> ReadAnchor(string function, object?[] arguments, CancellationToken cancellationToken = default)
    {
        var config = AnchorConfig();
        return await AnchorAbi.Function(function).CallAsync(Sender(config).Web3.Eth, config.Executor.Anchor, arguments);
    }

    private ChainOptions AnchorConfig() =>
        options.Value.Chains.FirstOrDefault(c => c.Executor.CanAnchor)
        ?? throw new InvalidOperationException("no chain has an anchor configured");

    private static async Task<ChainTransaction> Send(TransactionSender sender, string to, byte[] data, long chain, string purpose,
        CancellationToken cancellationToken)
    {
        var result = await sender.SendAsync(to, data, cancellationToken: cancellationToken);
        return new ChainTransaction
        {
            Chain = chain, Purpose = purpose, Hash = result.Hash, Succeeded = result.Succeeded, Error = result.Error,
        };
    }

    // A generous gas margin: on chains whose blocks share timestamps an estimate can miss a checkpoint write.
    private TransactionSender Sender(ChainOptions chain) => _senders.GetOrAdd(chain.Id, _ => new TransactionSender(
        ResilientRpc.Create(new RpcOptions(new Uri(chain.Rpc)) { MaxAttempts = 3 }), Hex.Parse(chain.Executor.PrivateKey, 32), chain.Id,
        gasMarginPercent: 50));
}
