using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>The recorded facts a proposal's state is derived from.</summary>
public sealed record ProposalFacts
{
    public DateTimeOffset Snapshot { get; init; }
    public DateTimeOffset Deadline { get; init; }
    public Tally Tally { get; init; } = Tally.Empty;
    public BigInteger? QuorumRequired { get; init; }
    public int ApprovalThresholdBps { get; init; }
    public TimeSpan GracePeriod { get; init; }
    public DateTimeOffset? Eta { get; init; }
    public bool Executed { get; init; }
    public bool Canceled { get; init; }
    public bool Vetoed { get; init; }

    /// <summary>Whether every mirrored chain has passed the snapshot; until then voting does not open.</summary>
    public bool SnapshotFinal { get; init; } = true;

    /// <summary>Whether <see cref="Tally"/> is final (all ballots sealed); until then a closed vote still reads Active.</summary>
    public bool TallyFinal { get; init; } = true;

    /// <summary>The class's counting type: basic For/Against/Abstain or a choice type (then the tally's outcome decides).</summary>
    public CountingType Counting { get; init; }

    /// <summary>A basic class whose weights are √power: quorum is measured on raw power.</summary>
    public bool QuadraticPower { get; init; }

    public int MinWinningShareBps { get; init; }

    /// <summary>When set, the quorum moves with Against (Nouns); needs <see cref="Votable"/>.</summary>
    public DynamicQuorum? DynamicQuorum { get; init; }

    public int SuperQuorumBps { get; init; }

    /// <summary>Votable power at the snapshot, once read.</summary>
    public BigInteger? Votable { get; init; }
}
