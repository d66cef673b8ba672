namespace Blocktrack.Chain.Rpc;

/// <summary>The logs of one inclusive block range, so a reader can advance its cursor chunk by chunk.</summary>
public sealed record LogChunk(long FromBlock, long ToBlock, IReadOnlyList<LogEntry> Logs);
