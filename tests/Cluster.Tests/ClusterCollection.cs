namespace Blocktrack.Cluster.Tests;

/// <summary>The multi-silo tests share one deployment (<see cref="ClusterFixture"/>) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
