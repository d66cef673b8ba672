using Xunit.Abstractions;

namespace Blocktrack.Storage.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresBallotLogTests(PostgresBackend backend, ITestOutputHelper output) : BallotLogContract(backend, output);
