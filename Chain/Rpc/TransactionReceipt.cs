using System.Numerics;

namespace Blocktrack.Chain.Rpc;

/// <summary>The outcome of a mined transaction; <see cref="Succeeded"/> is the receipt's status = 1.</summary>
public sealed record TransactionReceipt(
    string TransactionHash,
    long BlockNumber,
    string BlockHash,
    string From,
    string? To,
    string? ContractAddress,
    bool Succeeded,
    BigInteger GasUsed,
    BigInteger? EffectiveGasPrice,
    IReadOnlyList<LogEntry> Logs);
