namespace Blocktrack.Grains.State;

/// <summary>Persisted state of a ballot shard; the ballots themselves are in the ballot log.</summary>
[GenerateSerializer, Alias("bt.BallotShardState")]
public sealed class BallotShardState
{
    /// <summary>Set at the deadline: from then on nothing more is counted.</summary>
    [Id(0)] public bool Sealed { get; set; }
}
