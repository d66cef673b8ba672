using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted state of the DAO directory: the root DAOs, oldest first.</summary>
[GenerateSerializer, Alias("bt.DaoDirectoryState")]
public sealed class DaoDirectoryState
{
    [Id(0)] public List<RootDao> Roots { get; set; } = [];
}
