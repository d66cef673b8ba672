namespace Blocktrack.Chain.Rpc;

/// <summary>An eth_getLogs query over an inclusive block range. <paramref name="Topics"/> holds one entry per position:
/// null matches anything, several values match any of them.</summary>
public sealed record LogFilter(
    long FromBlock,
    long ToBlock,
    IReadOnlyList<string>? Addresses = null,
    IReadOnlyList<IReadOnlyList<string>?>? Topics = null);
