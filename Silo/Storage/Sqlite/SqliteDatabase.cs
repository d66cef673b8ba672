using Microsoft.Data.Sqlite;

namespace Blocktrack.Silo.Storage.Sqlite;

/// <summary>
/// The embedded profile's one SQLite file in WAL mode: every write goes through one connection, one transaction at a
/// time (SQLite has a single writer anyway, and waiting on a semaphore beats spinning on SQLITE_BUSY); reads use pooled
/// connections and run beside the writer.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    public const string FileName = "governance.db";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lazy<SqliteConnection> _writer;
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private bool _disposed;

    public SqliteDatabase(string directory)
    {
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(Path.GetFullPath(directory), FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _writer = new Lazy<SqliteConnection>(OpenWriter, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Opens the file and applies the schema now rather than at the first grain call, so a bad data folder stops the silo
    /// at startup.
    /// </summary>
    public void Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _ = _writer.Value;
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed when it returns and rolled back when it throws.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteWriter, T> work, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var connection = _writer.Value;
            // IMMEDIATE takes the write lock up front, so a transaction never fails half-way on a lock upgrade.
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(new SqliteWriter(connection, transaction, _prepared));
            transaction.Commit();
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pooled read connection; it sees the last committed write.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken = default)
    {
        Open(); // the schema exists before the first read
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return work(connection);
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var command in _prepared.Values) command.Dispose();
            if (_writer.IsValueCreated) _writer.Value.Dispose();
            // Pooled readers would keep the file open after the silo stops; a restart in the same process must start clean.
            using var pooled = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(pooled);
        }
        finally
        {
            _gate.Release();
        }
    }

    private SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // WAL lets readers run beside the writer; FULL syncs the WAL at each commit, so an answered write survives a power cut.
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        SqliteSchema.Apply(connection);
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
