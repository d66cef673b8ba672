namespace Blocktrack.Cluster.Tests;

/// <summary>The fate of one storm ballot: its outcome, its last answer, how many attempts it took and when it was acknowledged.</summary>
public sealed class StormResult(StormBallot ballot)
{
    public StormBallot Ballot { get; } = ballot;

    public StormOutcome Outcome { get; internal set; } = StormOutcome.NotSent;

    public GatewayAnswer Last { get; internal set; }

    public int Attempts { get; internal set; }

    /// <summary>Storm time of the answer that acknowledged it.</summary>
    public TimeSpan? AcknowledgedAt { get; internal set; }
}
