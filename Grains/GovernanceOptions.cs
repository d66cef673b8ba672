using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains;

/// <summary>Cluster-wide governance settings (configuration section <c>Governance</c>).</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    /// <summary>Ballot shards of each new proposal: more spread a hot proposal over more grains and silos.</summary>
    public int BallotShards { get; set; } = Interfaces.BallotShards.Default;

    /// <summary>
    /// Half-life of reputation (whole seconds, at least one), the same for every domain: Colony's 90 days by default.
    /// It is applied when a value is read or a checkpoint written, so change it only before reputation is awarded: a
    /// new half-life re-decays every checkpoint from its own timepoint, and past readings change with it.
    /// </summary>
    public TimeSpan ReputationHalfLife { get; set; } = Decay.DefaultHalfLife;

    /// <summary>The half-life in seconds, as the rules take it.</summary>
    public long ReputationHalfLifeSeconds => (long)ReputationHalfLife.TotalSeconds;

    /// <summary>Whether the settings can run: the half-life is a positive whole number of seconds.</summary>
    public static bool IsValid(GovernanceOptions o) =>
        o.ReputationHalfLife >= TimeSpan.FromSeconds(1) && o.ReputationHalfLife.Ticks % TimeSpan.TicksPerSecond == 0;

    public const string ValidationMessage = "Governance:ReputationHalfLife must be a whole number of seconds, at least one";
}
