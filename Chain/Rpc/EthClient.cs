using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blocktrack.Chain.Rpc;

/// <summary><see cref="IEthClient"/> over a <see cref="JsonRpcClient"/>.</summary>
public sealed class EthClient(JsonRpcClient rpc, EthClientOptions? options = null) : IEthClient
{
    private readonly EthClientOptions _options = options ?? new EthClientOptions();

    public JsonRpcClient Rpc { get; } = rpc ?? throw new ArgumentNullException(nameof(rpc));

    public async Task<long> ChainIdAsync(CancellationToken cancellationToken = default) =>
        HexQuantity.ParseLong((await Rpc.RequestAsync("eth_chainId", [], cancellationToken)).GetString());

    public async Task<long> BlockNumberAsync(CancellationToken cancellationToken = default) =>
        HexQuantity.ParseLong((await Rpc.RequestAsync("eth_blockNumber", [], cancellationToken)).GetString());

    public async Task<BlockHeader?> GetBlockAsync(BlockTag block, CancellationToken cancellationToken = default)
    {
        var result = await Rpc.RequestAsync("eth_getBlockByNumber", [block.ToString(), false], cancellationToken);
        return result.ValueKind == JsonValueKind.Null ? null : RpcJson.Block(result);
    }

    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken = default)
    {
        var logs = new List<LogEntry>();
        await foreach (var chunk in GetLogChunksAsync(filter, cancellationToken))
            logs.AddRange(chunk.Logs);
        return logs;
    }

    public async IAsyncEnumerable<LogChunk> GetLogChunksAsync(LogFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.FromBlock < 0 || filter.ToBlock < filter.FromBlock)
            throw new ArgumentException($"Log range {filter.FromBlock}..{filter.ToBlock} is empty or negative.", nameof(filter));
        var size = Math.Max(1, _options.LogsMaxBlockRange);
        var from = filter.FromBlock;
        while (from <= filter.ToBlock)
        {
            var to = Math.Min(filter.ToBlock, from + size - 1);
            JsonElement result;
            try
            {
                result = await Rpc.RequestAsync("eth_getLogs", [RpcJson.Filter(filter, from, to)], cancellationToken);
            }
            catch (JsonRpcException e) when (to > from && LogRangeErrors.IsRangeTooLarge(e))
            {
                // Keep the smaller size for the rest of the scan: a node that refused once will refuse again.
                size = Math.Max(1, (to - from + 1) / 2);
                continue;
            }
            yield return new LogChunk(from, to, result.EnumerateArray().Select(RpcJson.Log).ToArray());
            from = to + 1;
        }
    }

    public async Task<byte[]> CallAsync(CallRequest call, BlockTag? block = null, CancellationToken cancellationToken = default)
    {
        var result = await Rpc.RequestAsync("eth_call", [RpcJson.Call(call), (block ?? BlockTag.Latest).ToString()], cancellationToken);
        return Hex.Parse(result.GetString() ?? "0x");
    }

    public async Task<BigInteger> EstimateGasAsync(CallRequest call, CancellationToken cancellationToken = default) =>
        HexQuantity.Parse((await Rpc.RequestAsync("eth_estimateGas", [RpcJson.Call(call)], cancellationToken)).GetString());

    public async Task<BigInteger> GetTransactionCountAsync(string address, BlockTag? block = null, CancellationToken cancellationToken = default) =>
        HexQuantity.Parse((await Rpc.RequestAsync("eth_getTransactionCount", [EthAddress.Normalize(address), (block ?? BlockTag.Latest).ToString()], cancellationToken)).GetString());

    public async Task<BigInteger> GetBalanceAsync(string address, BlockTag? block = null, CancellationToken cancellationToken = default) =>
        HexQuantity.Parse((await Rpc.RequestAsync("eth_getBalance", [EthAddress.Normalize(address), (block ?? BlockTag.Latest).ToString()], cancellationToken)).GetString());

    public async Task<FeeHistory> FeeHistoryAsync(int blockCount, BlockTag newestBlock, IReadOnlyList<double> rewardPercentiles, CancellationToken cancellationToken = default)
    {
        var percentiles = new JsonArray(rewardPercentiles.Select(p => (JsonNode)p).ToArray());
        var result = await Rpc.RequestAsync("eth_feeHistory", [HexQuantity.From(blockCount), newestBlock.ToString(), percentiles], cancellationToken);
        return RpcJson.FeeHistory(result);
    }

    public async Task<BigInteger> GasPriceAsync(CancellationToken cancellationToken = default) =>
        HexQuantity.Parse((await Rpc.RequestAsync("eth_gasPrice", [], cancellationToken)).GetString());

    public async Task<string> SendRawTransactionAsync(byte[] signedTransaction, CancellationToken cancellationToken = default) =>
        ((await Rpc.RequestAsync("eth_sendRawTransaction", [Hex.ToHex(signedTransaction)], cancellationToken)).GetString() ?? "").ToLowerInvariant();

    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        var result = await Rpc.RequestAsync("eth_getTransactionReceipt", [Hex.ToHex(Hex.Parse(transactionHash, 32))], cancellationToken);
        return result.ValueKind == JsonValueKind.Null ? null : RpcJson.Receipt(result);
    }
}
