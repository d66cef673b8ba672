using Npgsql;

namespace Blocktrack.Cluster.Tests;

/// <summary>
/// The cluster's membership as PostgreSQL holds it, read by the tests directly: no grain call that might itself be
/// routed to the silo under test, so a reading is never delayed by the fault it measures.
/// </summary>
public sealed class Membership(LocalCluster cluster)
{
    /// <summary>Orleans' <c>SiloStatus.Dead</c>, as the membership table stores it.</summary>
    private const int Dead = (int)SiloStatus.Dead;

    /// <summary>The status of the newest incarnation of <paramref name="silo"/> in the table, or null if it has none.</summary>
    public async Task<SiloStatus?> StatusOf(SiloProcess silo)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT status FROM orleans_membership WHERE deployment_id = $1 AND address = $2 AND port = $3 ORDER BY generation DESC LIMIT 1",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = cluster.ClusterId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = silo.Address.ToString() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = silo.SiloPort });
        return await command.ExecuteScalarAsync() is int status ? (SiloStatus)status : null;
    }

    /// <summary>Waits until the table says the silo is dead; returns the storm time it first read so.</summary>
    public async Task<TimeSpan> WhenDead(SiloProcess silo, BallotStorm storm, TimeSpan limit)
    {
        await Eventually.Until(() => StatusOf(silo), s => s is { } v && (int)v == Dead, limit, $"silo-{silo.Index} to be declared dead");
        return storm.Clock.Elapsed;
    }
}
