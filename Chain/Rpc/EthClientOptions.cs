namespace Blocktrack.Chain.Rpc;

/// <summary>Tuning of <see cref="EthClient"/>.</summary>
public sealed record EthClientOptions
{
    /// <summary>Most blocks per eth_getLogs request; providers commonly cap ranges at 1k–10k blocks. A node that still
    /// refuses a range ("range too large", "more than 10000 results") gets it in halves.</summary>
    public long LogsMaxBlockRange { get; init; } = 2_000;
}
