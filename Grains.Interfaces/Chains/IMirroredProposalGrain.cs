using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// One on-chain Governor proposal, keyed <c>{chainId}/{governor}/{proposalId}</c>, rebuilt from its logs. No ballots go
/// through the cluster.
/// </summary>
[Alias("bt.IMirroredProposalGrain")]
public interface IMirroredProposalGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies the proposal's logs in (block, log index) order, skipping any already applied; events before <paramref
    /// name="finalBefore"/> become final.
    /// </summary>
    [Alias("Apply")] Task Apply(ImmutableArray<GovernorEvent> events, long finalBefore);

    /// <summary>Forgets logs from <paramref name="fromBlock"/> on; answers the last block still applied, or -1 when none is left.</summary>
    [Alias("Rollback")] Task<long> Rollback(long fromBlock);

    /// <summary>
    /// The proposal with its state at chain time <paramref name="chainTime"/> (0: its last log's time); null when no
    /// ProposalCreated was mirrored.
    /// </summary>
    [Alias("GetInfo")] Task<MirroredProposalInfo?> GetInfo(long chainTime);
}
