using Blocktrack.Silo.Storage.Sqlite;

namespace Blocktrack.Silo.Profiles;

/// <summary>Localhost clustering; grain state, reminders and ballots in a SQLite file under <c>Orleans:DataDirectory</c>.</summary>
public sealed class EmbeddedProfile : LocalhostProfile
{
    public override string Name => SiloConfiguration.EmbeddedProfile;

    public override void AddStorage(ISiloBuilder silo, OrleansOptions options) => silo.AddSqliteGovernanceStorage(options);
}
