namespace Blocktrack.Grains.Chains;

/// <summary>
/// An event log as eth_getLogs returns it (hex strings lower-case, 0x-prefixed). The transaction is there for mirrors that
/// join the logs of one transaction (badge mints) or report it; readers that do not know it leave it empty.
/// </summary>
public sealed record ChainLog(
    string Address, IReadOnlyList<string> Topics, string Data, long BlockNumber, string BlockHash, int LogIndex,
    string TransactionHash = "");
