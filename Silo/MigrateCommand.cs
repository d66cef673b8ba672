using Blocktrack.Silo.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Blocktrack.Silo;

/// <summary><c>dotnet run --project Silo -- migrate</c>: applies the PostgreSQL schema and exits, e.g. from a deploy job.</summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    /// <summary>Exit code 0 when the database is current, 1 with the reason on stderr otherwise.</summary>
    public static async Task<int> RunAsync(IConfiguration config)
    {
        try
        {
            var options = OrleansOptions.From(config);
            options.Profile = SiloConfiguration.ClusterProfile;
            var ran = await new SchemaMigrator(options.RequireConnectionString()).MigrateAsync();
            Console.WriteLine(ran.Count == 0
                ? $"migrate: schema up to date ({SchemaMigrator.Scripts.Count} scripts)"
                : $"migrate: applied {string.Join(", ", ran)}");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or OptionsValidationException or NpgsqlException)
        {
            Console.Error.WriteLine($"migrate: {e.Message}");
            return 1;
        }
    }
}
