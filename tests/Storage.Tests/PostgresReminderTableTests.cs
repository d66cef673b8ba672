namespace Blocktrack.Storage.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", TestCategory.Storage)]
public sealed class PostgresReminderTableTests(PostgresBackend backend) : ReminderTableContract(backend);
