using Blocktrack.Grains.Interfaces;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Voters;

/// <summary>
/// A DAO's personhood registry as a stateless worker: it asks the address's own entry, so no grain ever holds (or
/// rewrites) the whole registry and checks spread over as many activations as the load needs.
/// </summary>
[StatelessWorker]
public sealed class PersonhoodRegistryGrain : Grain, IPersonhoodRegistryGrain
{
    public Task<bool> IsAttestedAt(string address, long timepoint)
    {
        var dao = this.GetPrimaryKeyString();
        Names.RequireDaoPath(dao);
        Addresses.Require(address, "address");
        return Personhood.IsAttestedAt(GrainFactory, dao, address, timepoint);
    }
}
