namespace Blocktrack.Chain.Rpc;

/// <summary>A log as eth_getLogs and receipts return it; hashes, topics and the address are lower-case 0x hex.</summary>
public sealed record LogEntry(
    string Address,
    IReadOnlyList<string> Topics,
    byte[] Data,
    long BlockNumber,
    string BlockHash,
    string TransactionHash,
    int TransactionIndex,
    int LogIndex,
    bool Removed);
