using Blocktrack.Silo;
using Blocktrack.Silo.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Blocktrack.Storage.Tests;

/// <summary>The schema in deploy/sql applies to an empty database, again without error, and gives Orleans every query it asks for.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", TestCategory.Storage)]
public sealed class SchemaMigrationTests(PostgresBackend backend)
{
    // The keys Orleans' ADO.NET clustering, persistence and reminder providers load at startup.
    private static readonly string[] OrleansQueryKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "CleanupDefunctSiloEntriesKey",
        "DeleteMembershipTableEntriesKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Fact]
    public async Task Migration_applies_every_script_once_and_a_second_run_changes_nothing()
    {
        var database = await backend.Server.CreateDatabaseAsync("migrate");
        var migrator = new SchemaMigrator(database);

        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Name), await migrator.MigrateAsync());
        Assert.Empty(await migrator.MigrateAsync());
        Assert.Equivalent(OrleansQueryKeys, await QueryKeys(database));
    }

    [Fact]
    public async Task Every_script_is_idempotent_on_its_own()
    {
        var database = await backend.Server.CreateDatabaseAsync("idempotent");
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        foreach (var pass in new[] { 1, 2 })
        {
            foreach (var script in SchemaMigrator.Scripts)
            {
                await using var command = new NpgsqlCommand(script.Sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        }
        Assert.Equivalent(OrleansQueryKeys, await QueryKeys(database));
    }

    [Fact]
    public async Task Ballot_rows_count_their_ballots_and_keep_payloads_uncompressed()
    {
        var database = await backend.Server.CreateDatabaseAsync("ballotrows");
        await new SchemaMigrator(database).MigrateAsync();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT attname, attstorage, attnotnull FROM pg_attribute
            WHERE attrelid = 'ballots'::regclass AND attname IN ('payload', 'ballot_count') ORDER BY attname
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<(string, char, bool)>();
        while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetChar(1), reader.GetBoolean(2)));

        // 'e': EXTERNAL, out of line when large but never compressed; ballot_count a plain integer ('p').
        Assert.Equal([("ballot_count", 'p', true), ("payload", 'e', true)], columns);
    }

    [Fact]
    public async Task Concurrent_silos_migrating_together_take_turns()
    {
        var database = await backend.Server.CreateDatabaseAsync("concurrent");
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new SchemaMigrator(database).MigrateAsync()));
        Assert.Single(runs, ran => ran.Count == SchemaMigrator.Scripts.Count);
        Assert.Equal(3, runs.Count(ran => ran.Count == 0));
    }

    [Fact]
    public async Task The_migrate_command_reports_success_twice()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Orleans"] = await backend.Server.CreateDatabaseAsync("command"),
        }).Build();
        Assert.Equal(0, await MigrateCommand.RunAsync(config));
        Assert.Equal(0, await MigrateCommand.RunAsync(config));
        Assert.Equal(1, await MigrateCommand.RunAsync(new ConfigurationBuilder().Build()));
    }

    private static async Task<List<string>> QueryKeys(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        return keys;
    }
}
