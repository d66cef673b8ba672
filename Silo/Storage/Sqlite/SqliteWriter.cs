using Microsoft.Data.Sqlite;

namespace Blocktrack.Silo.Storage.Sqlite;

/// <summary>
/// The open write transaction handed to <see cref="SqliteDatabase.WriteAsync{T}"/>; its commands stay prepared between
/// writes.
/// </summary>
public sealed class SqliteWriter(SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, SqliteCommand> prepared)
{
    /// <summary>The command for <paramref name="sql"/>, with no parameters, enlisted in the transaction.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!prepared.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            prepared[sql] = command;
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }
}
