using System.Net;
using Blocktrack.Grains;
using Blocktrack.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Blocktrack.Silo.Storage.Postgres;

/// <summary>
/// The cluster profile: membership, grain state and reminders through Orleans' ADO.NET providers, ballots through
/// Npgsql.
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
        silo.AddAdoNetGrainStorage(GovernanceStorage.Name, options =>
        {
            options.Invariant = PostgresDatabase.Invariant;
            options.ConnectionString = connectionString;
        });
        // Registered last, so grains (and the provider's start-up, which the copy passes on) get Orleans' provider behind it.
        services.AddKeyedSingleton<IGrainStorage>(GovernanceStorage.Name, (sp, name) => new SnapshotGrainStorage(
            AdoNetGrainStorageFactory.Create(sp, (string)name!), sp.GetRequiredService<DeepCopier>()));
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
