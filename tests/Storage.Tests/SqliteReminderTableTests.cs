namespace Blocktrack.Storage.Tests;

[Collection(SqliteCollection.Name)]
public sealed class SqliteReminderTableTests(SqliteBackend backend) : ReminderTableContract(backend);
