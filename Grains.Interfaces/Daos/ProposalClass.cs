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
}
