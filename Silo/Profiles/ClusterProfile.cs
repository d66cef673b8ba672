using Blocktrack.Silo.Storage;
using Blocktrack.Silo.Storage.Postgres;
using Orleans.Configuration;

namespace Blocktrack.Silo.Profiles;

/// <summary>Membership, grain state, reminders and ballots in PostgreSQL (<c>ConnectionStrings:Orleans</c>): several silos.</summary>
public class ClusterProfile : StorageProfile
{
    public override string Name => SiloConfiguration.ClusterProfile;

    public override bool SilosRunApart => true;

    public override void UseClustering(ISiloBuilder silo, OrleansOptions options) => silo.UseGovernanceAdoNetClustering(options);

    public override void AddStorage(ISiloBuilder silo, OrleansOptions options) => silo.AddPostgresGovernanceStorage(options);

    public override void UseClustering(IClientBuilder client, OrleansOptions options)
    {
        var connectionString = options.RequireConnectionString();
        client.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        client.UseAdoNetClustering(adoNet =>
        {
            adoNet.Invariant = PostgresDatabase.Invariant;
            adoNet.ConnectionString = connectionString;
        });
        client.Services.AddStorageExceptionSerialization();
    }
}
