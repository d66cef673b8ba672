namespace Blocktrack.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTableTests(PostgresBackend backend) : ReminderTableContract(backend);
