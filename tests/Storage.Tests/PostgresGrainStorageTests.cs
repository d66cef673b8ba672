namespace Blocktrack.Storage.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", TestCategory.Storage)]
public sealed class PostgresGrainStorageTests(PostgresBackend backend) : GrainStorageContract(backend);
