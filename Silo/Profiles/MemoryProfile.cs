using Blocktrack.Grains.Persistence;
using Blocktrack.Silo.Storage;

namespace Blocktrack.Silo.Profiles;

/// <summary>Localhost clustering and everything in memory: fast tests; stopping the process forgets everything.</summary>
public sealed class MemoryProfile : LocalhostProfile
{
    public override string Name => SiloConfiguration.MemoryProfile;

    public override void AddStorage(ISiloBuilder silo, OrleansOptions options)
    {
        // The stores' serializer here too, so state round-trips as in the durable profiles (a ballot shard reads a voter's
        // payload as its token positions alone, VoterPowerState, which Orleans' default JSON serializer cannot do).
        silo.Services.AddGovernanceStateSerializer();
        silo.AddMemoryGrainStorage(GovernanceStorage.Name);
        silo.UseInMemoryReminderService();
    }
}
