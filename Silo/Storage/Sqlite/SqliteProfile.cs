using Blocktrack.Grains;
using Blocktrack.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime.Hosting;

namespace Blocktrack.Silo.Storage.Sqlite;

/// <summary>The embedded profile's storage: grain state, reminders and ballots in one SQLite file under the data folder.</summary>
public static class SqliteProfile
{
    public static ISiloBuilder AddSqliteGovernanceStorage(this ISiloBuilder silo, OrleansOptions settings)
    {
        var services = silo.Services;
        services.AddSingleton(sp => new SqliteDatabase(settings.DataPath(sp.GetService<IHostEnvironment>()?.ContentRootPath)));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SqliteStartup>();
        services.AddGovernanceStateSerializer();
        services.AddGrainStorage(GovernanceStorage.Name, (sp, name) =>
            new SqliteGrainStorage(name, sp.GetRequiredService<SqliteDatabase>(), GovernanceStateSerializer.For(sp, name)));
        services.AddReminders();
        services.AddSingleton<IReminderTable, SqliteReminderTable>();
        services.AddSingleton<IBallotLog, SqliteBallotLog>();
        return silo;
    }
}
