namespace Blocktrack.Cluster.Tests;

/// <summary>The virtual-host proofs share one deployment (<see cref="VirtualHostsFixture"/>) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class VirtualHostsCollection : ICollectionFixture<VirtualHostsFixture>
{
    public const string Name = "virtual hosts";
}
