namespace Blocktrack.Cluster.Tests;

/// <summary>One request of a storm: when it left and came back (storm time), and what the Gateway said.</summary>
public readonly record struct StormEvent(TimeSpan SentAt, TimeSpan AnsweredAt, int Status, string? Code, bool HasRetryAfter)
{
    public TimeSpan Latency => AnsweredAt - SentAt;
}
