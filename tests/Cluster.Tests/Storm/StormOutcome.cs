namespace Blocktrack.Cluster.Tests;

/// <summary>How a storm ballot ended.</summary>
public enum StormOutcome
{
    /// <summary>Never sent (the storm's cut-off came first).</summary>
    NotSent,

    /// <summary>The Gateway answered 200, or 409 <c>replayed</c> to a retry: the ballot is durable and must be counted.</summary>
    Acknowledged,

    /// <summary>A definite refusal (any other 4xx, or a 500).</summary>
    Refused,

    /// <summary>Only "unavailable" answers until the cut-off: an earlier attempt may or may not have been counted.</summary>
    Indeterminate,
}
