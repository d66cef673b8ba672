using Npgsql;

namespace Blocktrack.Silo.Storage.Postgres;

/// <summary>The cluster profile's PostgreSQL database as this silo's own code reaches it: one pooled data source.</summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    /// <summary>The invariant name Orleans' ADO.NET providers load the Npgsql driver by.</summary>
    public const string Invariant = "Npgsql";

    public PostgresDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // The ballot statements run over and over on every pooled connection: let Npgsql keep them prepared there.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 16;
        DataSource = builder.Build();
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    public void Dispose() => DataSource.Dispose();
}
