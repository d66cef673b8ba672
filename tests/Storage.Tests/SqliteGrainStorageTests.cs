namespace Blocktrack.Storage.Tests;

[Collection(SqliteCollection.Name)]
[Trait("Category", TestCategory.Storage)]
public sealed class SqliteGrainStorageTests(SqliteBackend backend) : GrainStorageContract(backend);
