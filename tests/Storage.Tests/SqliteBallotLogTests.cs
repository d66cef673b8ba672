using Xunit.Abstractions;

namespace Blocktrack.Storage.Tests;

[Collection(SqliteCollection.Name)]
[Trait("Category", TestCategory.Storage)]
public sealed class SqliteBallotLogTests(SqliteBackend backend, ITestOutputHelper output) : BallotLogContract(backend, output);
