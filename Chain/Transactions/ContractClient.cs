using Blocktrack.Chain.Abi;
using Blocktrack.Chain.Rpc;

namespace Blocktrack.Chain.Transactions;

/// <summary>A deployed contract bound to its ABI: read with eth_call, write through a <see cref="TransactionSender"/>, decode its logs.</summary>
public sealed class ContractClient(IEthClient eth, string address, ContractAbi abi)
{
    public IEthClient Eth { get; } = eth ?? throw new ArgumentNullException(nameof(eth));

    public string Address { get; } = EthAddress.Normalize(address);

    public ContractAbi Abi { get; } = abi ?? throw new ArgumentNullException(nameof(abi));

    public static ContractClient For(IEthClient eth, DeployedContract contract) => new(eth, contract.Address, contract.Artifact.Abi);

    /// <summary>Calls a function with eth_call and decodes every return value.</summary>
    public async Task<object?[]> CallAsync(string function, IReadOnlyList<object?> arguments, BlockTag? block = null, string? from = null, CancellationToken cancellationToken = default)
    {
        var abiFunction = Abi.Function(function);
        var output = await Eth.CallAsync(new CallRequest(Address, abiFunction.EncodeCall([.. arguments]), from), block, cancellationToken).ConfigureAwait(false);
        return abiFunction.DecodeOutput(output);
    }

    /// <summary>Calls a function returning one value.</summary>
    public async Task<T> CallAsync<T>(string function, params object?[] arguments) => (T)(await CallAsync(function, arguments).ConfigureAwait(false))[0]!;

    /// <summary>Sends a transaction calling <paramref name="function"/> and waits for it to be mined.</summary>
    public Task<TransactionResult> SendAsync(TransactionSender sender, byte[] privateKey, string function, params object?[] arguments) =>
        sender.SendAsync(new TransactionRequest(Address, Abi.Function(function).EncodeCall(arguments)), privateKey);

    /// <summary>Decodes the logs this contract emitted in a receipt; logs of other contracts and unknown events are skipped.</summary>
    public IReadOnlyList<DecodedEvent> DecodeLogs(IEnumerable<LogEntry> logs) =>
        logs.Where(l => l.Address == Address).Select(Abi.TryDecodeLog).OfType<DecodedEvent>().ToArray();
}
