namespace Blocktrack.Grains.Chains;

/// <summary>What a chain watcher reads from a node; the JSON-RPC client implements it, tests fake it.</summary>
public interface IChainReader
{
    Task<long> BlockNumber(CancellationToken cancellationToken = default);

    /// <summary>The block at a height, or null when the chain is not that long (any more).</summary>
    Task<ChainBlock?> Block(long number, CancellationToken cancellationToken = default);

    /// <summary>Logs of the given contracts whose first topic is one of <paramref name="topic0s"/>, in block and log order.</summary>
    Task<IReadOnlyList<ChainLog>> Logs(long fromBlock, long toBlock, IReadOnlyList<string> addresses, IReadOnlyList<string> topic0s,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// ERC-20 <c>Transfer</c> logs of <paramref name="tokens"/> from or to any of <paramref name="accounts"/>, each once, in
    /// block and log order.
    /// </summary>
    Task<IReadOnlyList<ChainLog>> TransferLogs(long fromBlock, long toBlock, IReadOnlyList<string> tokens, IReadOnlyList<string> accounts,
        CancellationToken cancellationToken = default);

    /// <summary>The native balance (wei) of <paramref name="account"/> at the end of block <paramref name="block"/>.</summary>
    Task<System.Numerics.BigInteger> NativeBalance(string account, long block, CancellationToken cancellationToken = default);

    /// <summary>The ERC-20 balance of <paramref name="account"/> at the end of block <paramref name="block"/>.</summary>
    Task<System.Numerics.BigInteger> BalanceOf(string token, string account, long block, CancellationToken cancellationToken = default);
}
