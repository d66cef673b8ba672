using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC;

namespace Blocktrack.Chain.Rpc;

/// <summary>eth_getLogs over a long range: split into chunks of at most a given size, halved when a node says no.</summary>
public static class LogRanges
{
    // Infura and Alchemy use -32005 for "query returned more than 10000 results"; others only say it in words.
    private const int LimitExceeded = -32005;

    private static readonly string[] Phrases =
    [
        "range too large", "range is too large", "block range", "blocks range", "too many blocks", "more than",
        "too many results", "response size", "limit exceeded", "exceeds the limit", "max range", "maximum range",
    ];

    /// <summary>Logs of <paramref name="addresses"/> whose topic0 is one of <paramref name="topic0s"/>, in block and log order.</summary>
    public static Task<IReadOnlyList<FilterLog>> GetLogsAsync(IEthApiService eth, long fromBlock, long toBlock,
        IReadOnlyList<string> addresses, IReadOnlyList<string> topic0s, int maxBlockRange, CancellationToken cancellationToken = default) =>
        GetLogsByTopicsAsync(eth, fromBlock, toBlock, addresses, topic0s.Count == 0 ? null : [topic0s.ToArray()], maxBlockRange,
            cancellationToken);

    /// <summary>
    /// Logs of <paramref name="addresses"/> matching eth_getLogs <paramref name="topics"/> (per position: null for any, or the
    /// values allowed there), in block and log order.
    /// </summary>
    public static async Task<IReadOnlyList<FilterLog>> GetLogsByTopicsAsync(IEthApiService eth, long fromBlock, long toBlock,
        IReadOnlyList<string> addresses, object?[]? topics, int maxBlockRange, CancellationToken cancellationToken = default)
    {
        if (fromBlock < 0 || toBlock < fromBlock)
            throw new ArgumentException($"Log range {fromBlock}..{toBlock} is empty or negative.", nameof(fromBlock));
        var logs = new List<FilterLog>();
        var size = Math.Max(1, maxBlockRange);
        for (var from = fromBlock; from <= toBlock;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var to = Math.Min(toBlock, from + size - 1);
            var filter = new NewFilterInput
            {
                FromBlock = new BlockParameter(new HexBigInteger(from)), ToBlock = new BlockParameter(new HexBigInteger(to)),
                Address = [.. addresses], Topics = topics,
            };
            try
            {
                logs.AddRange(await eth.Filters.GetLogs.SendRequestAsync(filter));
                from = to + 1;
            }
            catch (RpcResponseException e) when (to > from && IsRangeTooLarge(e.RpcError))
            {
                // Keep the smaller size for the rest of the scan: a node that refused once will refuse again.
                size = (int)Math.Max(1, (to - from + 1) / 2);
            }
        }
        return logs;
    }

    private static bool IsRangeTooLarge(RpcError error) =>
        error.Code == LimitExceeded || Phrases.Any(p => error.Message?.Contains(p, StringComparison.OrdinalIgnoreCase) == true);
}
