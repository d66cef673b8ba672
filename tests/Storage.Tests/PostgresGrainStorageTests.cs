namespace Blocktrack.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresGrainStorageTests(PostgresBackend backend) : GrainStorageContract(backend);
