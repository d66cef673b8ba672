using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>The grain a typed route value names.</summary>
public static class GrainRoutes
{
    public static IDaoGrain Dao(this IGrainFactory grains, DaoPath path) => grains.GetGrain<IDaoGrain>(path.Value);

    public static IProposalGrain Proposal(this IGrainFactory grains, ProposalId id) => grains.GetGrain<IProposalGrain>(id.Value);

    public static IVoterGrain Voter(this IGrainFactory grains, Address address) => grains.GetGrain<IVoterGrain>(address.Value);
}
