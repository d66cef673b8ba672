using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted anchor outbox: records still to publish, in order, and those published.</summary>
[GenerateSerializer, Alias("bt.AnchorState")]
public sealed class AnchorState
{
    [Id(0)] public List<AnchorRecord> Pending { get; set; } = [];
    [Id(1)] public Dictionary<string, AnchorRecord> Published { get; set; } = [];
}
