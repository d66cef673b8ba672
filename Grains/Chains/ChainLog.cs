namespace Blocktrack.Grains.Chains;

/// <summary>An event log as eth_getLogs returns it (hex strings lower-case, 0x-prefixed).</summary>
public sealed record ChainLog(string Address, IReadOnlyList<string> Topics, string Data, long BlockNumber, string BlockHash, int LogIndex);
