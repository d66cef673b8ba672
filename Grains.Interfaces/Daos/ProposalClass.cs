using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>One class of proposal in a constitution: who may propose it, how it is counted, how long it takes.</summary>
[GenerateSerializer, Immutable, Alias("bt.ProposalClass")]
public sealed record ProposalClass
{
    [Id(0)] public string Name { get; init; } = "";

    /// <summary>Quorum in basis points of the votable power at the snapshot; For + Abstain count.</summary>
    [Id(1)] public int QuorumBps { get; init; }

    /// <summary>Approval threshold in basis points of For / (For + Against); For must also exceed Against.</summary>
    [Id(2)] public int ApprovalThresholdBps { get; init; } = 5000;

    [Id(3)] public TimeSpan VotingDelay { get; init; }
    [Id(4)] public TimeSpan VotingPeriod { get; init; } = TimeSpan.FromDays(3);

    /// <summary>GovernorPreventLateQuorum: once quorum is reached, voting lasts at least this long after.</summary>
    [Id(5)] public TimeSpan LateQuorumExtension { get; init; }

    [Id(6)] public TimeSpan TimelockDelay { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How long after its eta a queued proposal may still execute before it expires.</summary>
    [Id(7)] public TimeSpan GracePeriod { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Votes the proposer needs (read one second before proposing).</summary>
    [Id(8)] public BigInteger ProposalThreshold { get; init; }

    [Id(9)] public PowerSource PowerSource { get; init; } = new();

    /// <summary>Whether a voter may replace its ballot before the deadline.</summary>
    [Id(10)] public bool AllowBallotChange { get; init; }

    [Id(11)] public ActionKinds AllowedActions { get; init; }

    /// <summary>When set, only holders of this role may propose in this class (besides the threshold).</summary>
    [Id(12)] public DaoRole? ProposerRole { get; init; }

    /// <summary>How ballots count: For/Against/Abstain, or one of Snapshot's types over the proposal's choices.</summary>
    [Id(13)] public CountingType Counting { get; init; } = CountingType.Basic;

    /// <summary>A basic class only: each ballot weighs √power (exact integer square root) instead of power.</summary>
    [Id(14)] public bool QuadraticPower { get; init; }

    /// <summary>Choice classes: the winning choice needs at least this share (bps) of the power of all ballots.</summary>
    [Id(15)] public int MinWinningShareBps { get; init; }

    /// <summary>
    /// The DAO path whose personhood registry gates ballots: only addresses attested as unique people at the snapshot
    /// may vote. Required for quadratic classes (quadratic counting or <see cref="QuadraticPower"/>).
    /// </summary>
    [Id(16)] public string? PersonhoodRegistry { get; init; }

    /// <summary>Nouns-style dynamic quorum (basic classes); replaces <see cref="QuorumBps"/> when set.</summary>
    [Id(17)] public DynamicQuorum? DynamicQuorum { get; init; }

    /// <summary>
    /// OpenZeppelin GovernorSuperQuorum (basic classes): once For reaches this share of the votable power and the vote
    /// is succeeding, voting closes early. 0 = off; otherwise at least the quorum.
    /// </summary>
    [Id(18)] public int SuperQuorumBps { get; init; }

    /// <summary>
    /// OpenZeppelin GovernorCountingOverridable (token-vote classes): a delegator may vote itself, taking its balance at
    /// the snapshot out of its delegate's ballot.
    /// </summary>
    [Id(19)] public bool DelegatorOverride { get; init; }

    /// <summary>Whether ballots choose among the proposal's choices rather than For/Against/Abstain.</summary>
    public bool CountsChoices => Counting != CountingType.Basic;

    /// <summary>Whether a ballot's weight is a square root of power (quadratic counting or quadratic basic).</summary>
    public bool IsQuadratic => Counting == CountingType.Quadratic || QuadraticPower;
}
