namespace Blocktrack.Storage.Tests;

/// <summary>Tests sharing one embedded-profile silo on a SQLite file.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteBackend>
{
    public const string Name = "sqlite";
}
