namespace Blocktrack.Storage.Tests;

[Collection(SqliteCollection.Name)]
[Trait("Category", TestCategory.Storage)]
public sealed class SqliteReminderTableTests(SqliteBackend backend) : ReminderTableContract(backend);
