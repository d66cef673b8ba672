using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Blocktrack.Silo.Storage.Sqlite;

/// <summary>Orleans reminders in the embedded profile's SQLite file; the etag is an integer version bumped by every upsert.</summary>
public sealed class SqliteReminderTable(SqliteDatabase database) : IReminderTable
{
    private const string Columns = "SELECT grain_id, reminder_name, start_at, period, version FROM reminders";

    private const string Upsert = """
        INSERT INTO reminders (grain_id, reminder_name, grain_hash, start_at, period, version)
        VALUES ($grain, $name, $hash, $start, $period, 0)
        ON CONFLICT (grain_id, reminder_name) DO UPDATE SET
            grain_hash = excluded.grain_hash, start_at = excluded.start_at, period = excluded.period, version = version + 1
        RETURNING version
        """;

    private const string Remove = "DELETE FROM reminders WHERE grain_id = $grain AND reminder_name = $name AND version = $version";

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Query($"{Columns} WHERE grain_id = $grain", c => c.Parameters.AddWithValue("$grain", grainId.ToString()));

    /// <summary>Reminders whose grain hash lies in the ring range (begin, end]; begin ≥ end wraps past 2^32 - 1 to 0.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        Query(begin < end
                ? $"{Columns} WHERE grain_hash > $begin AND grain_hash <= $end"
                : $"{Columns} WHERE grain_hash > $begin OR grain_hash <= $end",
            c =>
            {
                c.Parameters.AddWithValue("$begin", (long)begin);
                c.Parameters.AddWithValue("$end", (long)end);
            });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await Query($"{Columns} WHERE grain_id = $grain AND reminder_name = $name", c =>
        {
            c.Parameters.AddWithValue("$grain", grainId.ToString());
            c.Parameters.AddWithValue("$name", reminderName);
        });
        return rows.Reminders.SingleOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var version = await database.WriteAsync(writer =>
        {
            var command = writer.Command(Upsert);
            command.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
            command.Parameters.AddWithValue("$name", entry.ReminderName);
            command.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
            command.Parameters.AddWithValue("$start", AsUtc(entry.StartAt).Ticks);
            command.Parameters.AddWithValue("$period", entry.Period.Ticks);
            return (long)command.ExecuteScalar()!;
        });
        return version.ToString(CultureInfo.InvariantCulture);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        if (!long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return Task.FromResult(false);
        return database.WriteAsync(writer =>
        {
            var command = writer.Command(Remove);
            command.Parameters.AddWithValue("$grain", grainId.ToString());
            command.Parameters.AddWithValue("$name", reminderName);
            command.Parameters.AddWithValue("$version", version);
            return command.ExecuteNonQuery() == 1;
        });
    }

    public Task TestOnlyClearTable() => database.WriteAsync(writer => writer.Command("DELETE FROM reminders").ExecuteNonQuery());

    private Task<ReminderTableData> Query(string sql, Action<SqliteCommand> bind) => database.ReadAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        using var reader = command.ExecuteReader();
        var entries = new List<ReminderEntry>();
        while (reader.Read())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
                Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
            });
        }
        return new ReminderTableData(entries);
    });

    // Orleans hands over local or unspecified times too; unspecified ones are meant as UTC, as in Orleans' own tables.
    private static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    };
}
