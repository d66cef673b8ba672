using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A mirrored on-chain Governor, keyed <c>{chainId}/{address}</c>: the index of its proposals. Read-only to clients.</summary>
[Alias("bt.IMirroredGovernorGrain")]
public interface IMirroredGovernorGrain : IGrainWithStringKey
{
    /// <summary>Forwards a watcher's batch of this governor's logs to their proposals; applying a batch twice changes nothing.</summary>
    [Alias("Apply")] Task Apply(ImmutableArray<GovernorEvent> events, GovernorSync sync);

    /// <summary>
    /// Forgets what was mirrored from <paramref name="fromBlock"/> on (a reorg replaced those blocks); the chain's time
    /// goes back to <paramref name="chainTime"/>, the common ancestor's (0 when unknown).
    /// </summary>
    [Alias("Rollback")] Task Rollback(long fromBlock, long chainTime);

    /// <summary>Where the governor lives and how far it has been mirrored.</summary>
    [ReadOnly, Alias("GetInfo")] Task<MirroredGovernorInfo> GetInfo();

    /// <summary>A page of proposals, newest first, optionally only those in <paramref name="state"/>.</summary>
    [ReadOnly, Alias("ListProposals")] Task<MirroredProposalPage> ListProposals(ProposalState? state, int offset, int limit);

    /// <summary>One proposal by its decimal id; <see cref="GovernanceError.ProposalNotFound"/> when the chain has none.</summary>
    [ReadOnly, Alias("GetProposal")] Task<MirroredProposalInfo> GetProposal(string proposalId);
}
