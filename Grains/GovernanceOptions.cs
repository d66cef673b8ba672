using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains;

/// <summary>Cluster-wide governance settings (configuration section <c>Governance</c>).</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>Ballot shards of each new proposal: more spread a hot proposal over more grains and silos.</summary>
    public int BallotShards { get; set; } = Interfaces.BallotShards.Default;
}
