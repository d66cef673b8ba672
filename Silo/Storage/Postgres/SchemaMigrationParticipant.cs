using Microsoft.Extensions.Logging;

namespace Blocktrack.Silo.Storage.Postgres;

/// <summary>Migrates the schema as the silo starts, before membership, storage and reminders first touch their tables.</summary>
public sealed class SchemaMigrationParticipant(PostgresDatabase database, ILogger<SchemaMigrationParticipant> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrationParticipant), ServiceLifecycleStage.First,
            cancellationToken => new SchemaMigrator(database.ConnectionString, logger).MigrateAsync(cancellationToken));
}
