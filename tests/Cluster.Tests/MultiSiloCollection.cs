namespace Blocktrack.Cluster.Tests;

/// <summary>The multi-silo tests share one deployment (<see cref="MultiSiloFixture"/>) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class MultiSiloCollection : ICollectionFixture<MultiSiloFixture>
{
    public const string Name = "cluster";
}
