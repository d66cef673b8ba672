using Microsoft.Data.Sqlite;

namespace Blocktrack.Silo.Storage.Sqlite;

/// <summary>Tables of the embedded profile's SQLite file; applied on every open, so it must stay idempotent.</summary>
public static class SqliteSchema
{
    /// <summary>2: ballot rows hold batches (<c>ballot_count</c>).</summary>
    public const int Version = 2;

    /// <summary>Brings a file of version 1, whose ballot rows hold one ballot each, to version 2: run where the column is missing.</summary>
    private const string AddBallotCount = "ALTER TABLE ballots ADD COLUMN ballot_count INTEGER NOT NULL DEFAULT 1 CHECK (ballot_count >= 1)";

    private const string HasBallotCount = "SELECT count(*) FROM pragma_table_info('ballots') WHERE name = 'ballot_count'";

    /// <summary>Creates what is missing, upgrades a version-1 file in place, and records <see cref="Version"/>.</summary>
    public static void Apply(SqliteConnection connection)
    {
        SqliteDatabase.Execute(connection, Create);
        using (var probe = connection.CreateCommand())
        {
            probe.CommandText = HasBallotCount;
            if ((long)probe.ExecuteScalar()! == 0) SqliteDatabase.Execute(connection, AddBallotCount);
        }
        SqliteDatabase.Execute(connection, $"PRAGMA user_version = {Version};");
    }

    private const string Create = """
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name TEXT    NOT NULL,
            grain_id   TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            -- NULL once cleared: the row stays so its version keeps counting and a stale writer still conflicts.
            payload    BLOB,
            PRIMARY KEY (state_name, grain_id)
        );

        CREATE TABLE IF NOT EXISTS reminders (
            grain_id      TEXT    NOT NULL,
            reminder_name TEXT    NOT NULL,
            grain_hash    INTEGER NOT NULL, -- GrainId.GetUniformHashCode(), 0 .. 2^32-1
            start_at      INTEGER NOT NULL, -- UTC ticks
            period        INTEGER NOT NULL, -- ticks
            version       INTEGER NOT NULL,
            PRIMARY KEY (grain_id, reminder_name)
        );
        CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (grain_hash);

        -- AUTOINCREMENT: a sequence number is never reused, even after the highest row is gone.
        -- A row holds every ballot one shard appended in one batch (BallotRows): ballot_count of them.
        CREATE TABLE IF NOT EXISTS ballots (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            log_id       TEXT NOT NULL,
            payload      BLOB NOT NULL,
            ballot_count INTEGER NOT NULL DEFAULT 1 CHECK (ballot_count >= 1)
        );
        CREATE INDEX IF NOT EXISTS ballots_by_log ON ballots (log_id, seq);
        CREATE TRIGGER IF NOT EXISTS ballots_never_change BEFORE UPDATE ON ballots
        BEGIN SELECT RAISE(ABORT, 'ballots are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS ballots_never_vanish BEFORE DELETE ON ballots
        BEGIN SELECT RAISE(ABORT, 'ballots are append-only'); END;
        """;
}
