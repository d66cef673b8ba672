using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted state of the cluster charter: who retired founding root DAOs, and every pinned chain.</summary>
[GenerateSerializer, Alias("bt.ClusterCharterState")]
public sealed class ClusterCharterState
{
    [Id(0)] public string? RootFoundingRetiredBy { get; set; }
    [Id(1)] public Dictionary<long, ChainPin> Pins { get; set; } = [];
}
