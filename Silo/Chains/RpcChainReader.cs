using System.Numerics;
using Blocktrack.Chain;
using Blocktrack.Chain.Abi;
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
        IReadOnlyList<string> topic0s, CancellationToken cancellationToken = default) =>
        Convert(await LogRanges.GetLogsAsync(eth, fromBlock, toBlock, addresses, topic0s, maxBlockRange, cancellationToken));

    public async Task<IReadOnlyList<ChainLog>> TransferLogs(long fromBlock, long toBlock, IReadOnlyList<string> tokens,
        IReadOnlyList<string> accounts, CancellationToken cancellationToken = default)
    {
        // Two filters, as eth_getLogs has no "from or to": a transfer between two bound accounts comes back from both.
        var padded = accounts.Select(TreasuryLogs.Topic).ToArray();
        var outgoing = await LogRanges.GetLogsByTopicsAsync(eth, fromBlock, toBlock, tokens, [TreasuryLogs.Transfer, padded], maxBlockRange,
            cancellationToken);
        var incoming = await LogRanges.GetLogsByTopicsAsync(eth, fromBlock, toBlock, tokens, [TreasuryLogs.Transfer, null, padded],
            maxBlockRange, cancellationToken);
        return [.. Convert([.. outgoing, .. incoming]).DistinctBy(l => (l.BlockNumber, l.LogIndex))
            .OrderBy(l => l.BlockNumber).ThenBy(l => l.LogIndex)];
    }

    public async Task<BigInteger> BalanceOf(string token, string account, long block, CancellationToken cancellationToken = default)
    {
        // A token bound before it was deployed (the watcher opens at its cursor, which may be behind) answers no data there:
        // no code yet, so nobody holds any of it.
        var call = new CallInput(Hex.ToHex(BalanceOfFn.EncodeCall(account)), token);
        var output = await eth.Transactions.Call.SendRequestAsync(call, new BlockParameter(new HexBigInteger(block)));
        return output is null or "0x" ? BigInteger.Zero : (BigInteger)BalanceOfFn.DecodeOutput(Hex.Parse(output))[0]!;
    }

    public async Task<BigInteger> NativeBalance(string account, long block, CancellationToken cancellationToken = default) =>
        (await eth.GetBalance.SendRequestAsync(account, new BlockParameter(new HexBigInteger(block)))).Value;

    private static readonly AbiFunction BalanceOfFn = AbiFunction.Parse("function balanceOf(address) view returns (uint256)");

    private static List<ChainLog> Convert(IEnumerable<FilterLog> logs) =>
    [
        .. logs.Where(l => !l.Removed).Select(l => new ChainLog(l.Address.ToLowerInvariant(),
            [.. l.Topics.Select(t => t.ToString()!.ToLowerInvariant())], l.Data.ToLowerInvariant(),
            (long)l.BlockNumber.Value, l.BlockHash.ToLowerInvariant(), (int)l.LogIndex.Value, l.TransactionHash.ToLowerInvariant())),
    ];
}
