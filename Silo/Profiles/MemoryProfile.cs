using Blocktrack.Grains.Persistence;

namespace Blocktrack.Silo.Profiles;

/// <summary>Localhost clustering and everything in memory: fast tests; stopping the process forgets everything.</summary>
public sealed class MemoryProfile : LocalhostProfile
{
    public override string Name => SiloConfiguration.MemoryProfile;

    public override void AddStorage(ISiloBuilder silo, OrleansOptions options)
    {
        silo.AddMemoryGrainStorage(GovernanceStorage.Name);
        silo.UseInMemoryReminderService();
    }
}
