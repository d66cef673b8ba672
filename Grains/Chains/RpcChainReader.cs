using Blocktrack.Chain;
using Blocktrack.Chain.Rpc;

namespace Blocktrack.Grains.Chains;

/// <summary>The watcher's view of a node over JSON-RPC (retries and log-range chunking come from the client).</summary>
public sealed class RpcChainReader(IEthClient eth) : IChainReader
{
    public Task<long> BlockNumber(CancellationToken cancellationToken = default) => eth.BlockNumberAsync(cancellationToken);

    public async Task<ChainBlock?> Block(long number, CancellationToken cancellationToken = default) =>
        await eth.GetBlockAsync(BlockTag.Number(number), cancellationToken) is { } h
            ? new ChainBlock(h.Number, h.Hash, h.ParentHash, h.Timestamp)
            : null;

    public async Task<IReadOnlyList<ChainLog>> Logs(long fromBlock, long toBlock, IReadOnlyList<string> addresses,
        IReadOnlyList<string> topic0s, CancellationToken cancellationToken = default)
    {
        var logs = await eth.GetLogsAsync(new LogFilter(fromBlock, toBlock, addresses, [topic0s]), cancellationToken);
        return [.. logs.Where(l => !l.Removed).Select(l => new ChainLog(l.Address, l.Topics, Hex.ToHex(l.Data), l.BlockNumber, l.BlockHash, l.LogIndex))];
    }
}
