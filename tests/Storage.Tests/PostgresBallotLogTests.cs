using Xunit.Abstractions;

namespace Blocktrack.Storage.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", TestCategory.Storage)]
public sealed class PostgresBallotLogTests(PostgresBackend backend, ITestOutputHelper output) : BallotLogContract(backend, output);
