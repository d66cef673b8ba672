using System.Numerics;

namespace Blocktrack.Chain.Rpc;

/// <summary>The Ethereum JSON-RPC calls the cluster uses; grains depend on this, not on the implementation.</summary>
public interface IEthClient
{
    /// <summary>eth_chainId.</summary>
    Task<long> ChainIdAsync(CancellationToken cancellationToken = default);

    /// <summary>eth_blockNumber: the latest block's number.</summary>
    Task<long> BlockNumberAsync(CancellationToken cancellationToken = default);

    /// <summary>eth_getBlockByNumber without transactions; null when the chain has no such block yet.</summary>
    Task<BlockHeader?> GetBlockAsync(BlockTag block, CancellationToken cancellationToken = default);

    /// <summary>eth_getLogs over the whole range, split into chunks the node accepts.</summary>
    Task<IReadOnlyList<LogEntry>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken = default);

    /// <summary>eth_getLogs chunk by chunk, in block order, so a reader can checkpoint after each.</summary>
    IAsyncEnumerable<LogChunk> GetLogChunksAsync(LogFilter filter, CancellationToken cancellationToken = default);

    /// <summary>eth_call: the return data, or <see cref="JsonRpcException"/> with the revert reason.</summary>
    Task<byte[]> CallAsync(CallRequest call, BlockTag? block = null, CancellationToken cancellationToken = default);

    /// <summary>eth_estimateGas.</summary>
    Task<BigInteger> EstimateGasAsync(CallRequest call, CancellationToken cancellationToken = default);

    /// <summary>eth_getTransactionCount: the next nonce of an account (use <see cref="BlockTag.Pending"/> to count queued transactions).</summary>
    Task<BigInteger> GetTransactionCountAsync(string address, BlockTag? block = null, CancellationToken cancellationToken = default);

    /// <summary>eth_getBalance in wei.</summary>
    Task<BigInteger> GetBalanceAsync(string address, BlockTag? block = null, CancellationToken cancellationToken = default);

    /// <summary>eth_feeHistory for the <paramref name="blockCount"/> blocks up to <paramref name="newestBlock"/>.</summary>
    Task<FeeHistory> FeeHistoryAsync(int blockCount, BlockTag newestBlock, IReadOnlyList<double> rewardPercentiles, CancellationToken cancellationToken = default);

    /// <summary>eth_gasPrice: the legacy price suggestion in wei.</summary>
    Task<BigInteger> GasPriceAsync(CancellationToken cancellationToken = default);

    /// <summary>eth_sendRawTransaction: the transaction hash.</summary>
    Task<string> SendRawTransactionAsync(byte[] signedTransaction, CancellationToken cancellationToken = default);

    /// <summary>eth_getTransactionReceipt; null while the transaction is not mined.</summary>
    Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default);
}
