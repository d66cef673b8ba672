namespace Blocktrack.Silo.Storage.Sqlite;

/// <summary>Opens the SQLite file as the silo starts, before grains, storage and reminders need it.</summary>
public sealed class SqliteStartup(SqliteDatabase database) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteStartup), ServiceLifecycleStage.RuntimeInitialize, _ =>
        {
            database.Open();
            return Task.CompletedTask;
        });
}
