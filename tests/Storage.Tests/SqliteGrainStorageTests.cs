namespace Blocktrack.Storage.Tests;

[Collection(SqliteCollection.Name)]
public sealed class SqliteGrainStorageTests(SqliteBackend backend) : GrainStorageContract(backend);
