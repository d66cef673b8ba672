using System.Net;
using Blocktrack.Grains;
using Blocktrack.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;

namespace Blocktrack.Silo.Storage.Postgres;

/// <summary>
/// The cluster profile: membership and reminders through Orleans' ADO.NET providers, grain state and ballots through
/// Npgsql on the silo's data source (the state in the rows Orleans' ADO.NET provider would write).
/// </summary>
public static class PostgresProfile
{
    /// <summary>Grain state, reminders and the ballot log on PostgreSQL, and the schema migration that precedes them.</summary>
    public static ISiloBuilder AddPostgresGovernanceStorage(this ISiloBuilder silo, OrleansOptions settings)
    {
        var connectionString = settings.RequireConnectionString();
        var services = silo.Services;
        services.AddSingleton(_ => new PostgresDatabase(connectionString));
        if (settings.MigrateSchema) services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaMigrationParticipant>();
        services.AddGovernanceStateSerializer();
        services.AddStorageExceptionSerialization();
        services.AddGrainStorage(GovernanceStorage.Name, (sp, name) => new PostgresGrainStorage(name,
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, sp.GetRequiredService<PostgresDatabase>(),
            GovernanceStateSerializer.For(sp, name)));
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = PostgresDatabase.Invariant;
            options.ConnectionString = connectionString;
        });
        services.AddSingleton<IBallotLog, PostgresBallotLog>();
        return silo;
    }

    /// <summary>Membership in PostgreSQL: silos find each other (and clients find gateways) through the shared database.</summary>
    public static ISiloBuilder UseGovernanceAdoNetClustering(this ISiloBuilder silo, OrleansOptions settings)
    {
        var connectionString = settings.RequireConnectionString();
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ServiceId;
        });
        if (settings.AdvertisedAddress() is { } address)
            silo.ConfigureEndpoints(
                address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
        else
            silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresDatabase.Invariant;
            options.ConnectionString = connectionString;
        });
        return silo;
    }
}
