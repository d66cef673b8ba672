namespace Blocktrack.Chain.Rpc;

/// <summary>Recognises the many ways providers say an eth_getLogs range or result is too large.</summary>
internal static class LogRangeErrors
{
    // Infura and Alchemy use -32005 for "query returned more than 10000 results"; others only say it in words.
    private const int LimitExceeded = -32005;

    private static readonly string[] Phrases =
    [
        "range too large", "range is too large", "block range", "blocks range", "too many blocks", "more than",
        "too many results", "response size", "limit exceeded", "exceeds the limit", "max range", "maximum range",
    ];

    public static bool IsRangeTooLarge(JsonRpcException e) =>
        e.Code == LimitExceeded || Phrases.Any(p => e.RpcMessage.Contains(p, StringComparison.OrdinalIgnoreCase));
}
