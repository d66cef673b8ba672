namespace Blocktrack.Storage.Tests;

/// <summary>Tests sharing one throwaway PostgreSQL server (and a cluster-profile silo on one of its databases).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresBackend>
{
    public const string Name = "postgresql";
}
