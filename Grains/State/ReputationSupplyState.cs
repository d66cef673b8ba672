namespace Blocktrack.Grains.State;

/// <summary>Persisted state of a domain's total reputation.</summary>
[GenerateSerializer, Alias("bt.ReputationSupplyState")]
public sealed class ReputationSupplyState
{
    /// <summary>Checkpoints of the total, rounded up so it is never below the sum of the holders' values.</summary>
    [Id(0)] public List<Checkpoint> Totals { get; set; } = [];

    /// <summary>Last sequence applied per address, so redelivered awards apply once.</summary>
    [Id(1)] public Dictionary<string, long> Applied { get; set; } = [];
}
