using Blocktrack.Chain.Rpc;
using Blocktrack.Grains.Chains;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC;
using Nethereum.RPC.Eth.DTOs;

namespace Blocktrack.Silo.Chains;

/// <summary>The watcher's view of a node through Nethereum: retries from <see cref="ResilientRpc"/>, log chunks from LogRanges.</summary>
public sealed class RpcChainReader(IEthApiService eth, int maxBlockRange) : IChainReader
{
    public async Task<long> BlockNumber(CancellationToken cancellationToken = default) =>
        (long)(await eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

    public async Task<ChainBlock?> Block(long number, CancellationToken cancellationToken = default) =>
        await eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(new HexBigInteger(number))) is { } b
            ? new ChainBlock((long)b.Number.Value, b.BlockHash.ToLowerInvariant(), b.ParentHash.ToLowerInvariant(), (long)b.Timestamp.Value)
            : null;

    public async Task<IReadOnlyList<ChainLog>> Logs(long fromBlock, long toBlock, IReadOnlyList<string> addresses,
        IReadOnlyList<string> topic0s, CancellationToken cancellationToken = default)
    {
        var logs = await LogRanges.GetLogsAsync(eth, fromBlock, toBlock, addresses, topic0s, maxBlockRange, cancellationToken);
        return [.. logs.Where(l => !l.Removed).Select(l => new ChainLog(l.Address.ToLowerInvariant(),
            [.. l.Topics.Select(t => t.ToString()!.ToLowerInvariant())], l.Data.ToLowerInvariant(),
            (long)l.BlockNumber.Value, l.BlockHash.ToLowerInvariant(), (int)l.LogIndex.Value, l.TransactionHash.ToLowerInvariant()))];
    }
}
