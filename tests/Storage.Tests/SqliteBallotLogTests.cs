using Xunit.Abstractions;

namespace Blocktrack.Storage.Tests;

[Collection(SqliteCollection.Name)]
public sealed class SqliteBallotLogTests(SqliteBackend backend, ITestOutputHelper output) : BallotLogContract(backend, output);
