using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Blocktrack.Silo.Storage.Postgres;

/// <summary>
/// Applies the PostgreSQL schema of deploy/sql (embedded in this assembly) in file-name order, in one transaction.
/// Scripts already applied with the same content are skipped; changed ones run again, which is safe because every
/// script is idempotent. Silos starting together take turns on an advisory lock.
/// </summary>
public sealed class SchemaMigrator(string connectionString, ILogger? logger = null)
{
    // PostgreSQL advisory locks are keyed by a number the parties agree on; this one spells "Blocktra".
    private const long LockKey = 0x426C6F636B747261;
    private const string ResourcePrefix = "sql/";

    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>The scripts this build carries, in the order they apply.</summary>
    public static IReadOnlyList<SchemaScript> Scripts { get; } = Load();

    /// <summary>Brings the database up to date; returns the names of the scripts it ran (none when already current).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await Execute(connection, """
            CREATE TABLE IF NOT EXISTS blocktrack_schema (
                script     text        PRIMARY KEY,
                sha256     text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);
        var applied = await Applied(connection, cancellationToken);
        var ran = new List<string>();
        foreach (var script in Scripts)
        {
            if (applied.TryGetValue(script.Name, out var sha) && sha == script.Sha256) continue;
            await Execute(connection, script.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("""
                INSERT INTO blocktrack_schema (script, sha256) VALUES ($1, $2)
                ON CONFLICT (script) DO UPDATE SET sha256 = excluded.sha256, applied_at = now()
                """, connection);
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Name });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Sha256 });
            await record.ExecuteNonQueryAsync(cancellationToken);
            ran.Add(script.Name);
        }
        await transaction.CommitAsync(cancellationToken);
        if (ran.Count > 0) _logger.LogInformation("PostgreSQL schema: applied {Scripts}", string.Join(", ", ran));
        else _logger.LogDebug("PostgreSQL schema: up to date");
        return ran;
    }

    private static async Task<Dictionary<string, string>> Applied(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT script, sha256 FROM blocktrack_schema", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) applied[reader.GetString(0)] = reader.GetString(1);
        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<SchemaScript> Load()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<SchemaScript>();
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new SchemaScript(name[ResourcePrefix.Length..], reader.ReadToEnd()));
        }
        return scripts.Count > 0
            ? scripts
            : throw new InvalidOperationException($"No deploy/sql scripts are embedded in {assembly.GetName().Name}.");
    }
}
