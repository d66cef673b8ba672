using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>
/// A mirrored proposal: the facts of its final logs, plus the logs still inside the reorg window kept one by one,
/// so a rollback drops exactly those.
/// </summary>
[GenerateSerializer, Alias("bt.MirroredProposalState")]
public sealed class MirroredProposalState
{
    [Id(0)] public MirroredProposalFacts Final { get; set; } = MirroredProposalFacts.None;
    [Id(1)] public List<GovernorEvent> Recent { get; set; } = [];

    /// <summary>The Governor's quorum(voteStart), once read from the chain.</summary>
    [Id(2)] public BigInteger? Quorum { get; set; }
}
