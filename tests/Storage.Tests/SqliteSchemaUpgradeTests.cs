using Blocktrack.Silo.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Blocktrack.Storage.Tests;

/// <summary>A governance.db written by a build of schema version 1 (a ballot a row, no count) opens under this one.</summary>
[Trait("Category", TestCategory.Storage)]
public sealed class SqliteSchemaUpgradeTests
{
    private const string VersionOneBallots = """
        CREATE TABLE ballots (
            seq     INTEGER PRIMARY KEY AUTOINCREMENT,
            log_id  TEXT NOT NULL,
            payload BLOB NOT NULL
        );
        PRAGMA user_version = 1;
        """;

    [Fact]
    public async Task A_version_one_file_gains_the_ballot_count_and_its_rows_read_as_one_ballot_each()
    {
        using var data = new TempDirectory();
        using var serializers = new BallotSerializers();
        var one = serializers.One;
        var earlier = Samples.Ballots(0, 2);
        using (var file = new SqliteConnection($"Data Source={Path.Combine(data.Path, SqliteDatabase.FileName)};Pooling=False"))
        {
            file.Open();
            using var create = file.CreateCommand();
            create.CommandText = VersionOneBallots;
            create.ExecuteNonQuery();
            foreach (var ballot in earlier)
            {
                using var insert = file.CreateCommand();
                insert.CommandText = "INSERT INTO ballots (log_id, payload) VALUES ('p/0', $payload)";
                insert.Parameters.AddWithValue("$payload", one.SerializeToArray(ballot));
                insert.ExecuteNonQuery();
            }
        }

        using var database = new SqliteDatabase(data.Path);
        database.Open();
        var log = new SqliteBallotLog(database, one, serializers.Many);
        await log.AppendAsync("p/0", Samples.Ballots(2, 3));

        Assert.Equal(Samples.Ballots(0, 5), await log.ReadAsync("p/0"));
        Assert.Equal(5, await log.CountAsync("p/0"));
        Assert.Equal(SqliteSchema.Version, await database.ReadAsync(c =>
        {
            using var version = c.CreateCommand();
            version.CommandText = "PRAGMA user_version";
            return (int)(long)version.ExecuteScalar()!;
        }));
        SqliteConnection.ClearAllPools();
    }
}
