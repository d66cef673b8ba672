namespace Blocktrack.Chain.Rpc;

/// <summary>Where the JSON-RPC client sends requests and how hard it retries transient failures.</summary>
public sealed record RpcOptions(Uri Endpoint)
{
    /// <summary>Tries per request, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Wait before the first retry; each further retry doubles it, with jitter.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Per attempt; an attempt that takes longer counts as a transient failure.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Clock for backoff waits and timeouts, so tests can skip them.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
