using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// A DAO's participation programme, part of its constitution (versioned with it, amended by a constitutional proposal):
/// the points each recorded fact earns, the anti-farming limits, the reward epochs and the badges.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.ParticipationRules")]
public sealed record ParticipationRules
{
    /// <summary>Length of a reward epoch in seconds (a week by default); epoch n covers [n·length, (n+1)·length) unix seconds.</summary>
    [Id(0)] public long EpochSeconds { get; init; } = 7 * 24 * 3600;

    /// <summary>Points for a ballot on a proposal that reached quorum (cause <c>vote:{proposal}</c>).</summary>
    [Id(1)] public long VotePoints { get; init; } = 1;

    /// <summary>
    /// Extra points for a ballot's reason (cause <c>reason:{proposal}</c>): only when it is non-empty, not hidden by a
    /// moderator, and no other ballot on the proposal carries the same text (compared trimmed, case- and space-folded).
    /// </summary>
    [Id(2)] public long ReasonPoints { get; init; }

    /// <summary>Points for the proposer of a proposal that passed (cause <c>proposal-passed:{proposal}</c>).</summary>
    [Id(3)] public long ProposalPassedPoints { get; init; } = 10;

    /// <summary>
    /// Points for a hiding that still stands when its appeal window ends — not reversed by an appeal, not restored — once per
    /// target (cause <c>moderation:{proposal}</c> or <c>moderation:{proposal}#{voter}</c>).
    /// </summary>
    [Id(4)] public long ModerationPoints { get; init; } = 3;

    /// <summary>Most points one address earns in one epoch, all causes together; what a cap cuts is never earned later.</summary>
    [Id(5)] public long CapPerEpoch { get; init; } = 100;

    /// <summary>Voting power at the snapshot a ballot needs to earn vote and reason points.</summary>
    [Id(6)] public BigInteger MinVotingPower { get; init; }

    /// <summary>Seconds after a moderation during which a proposal may reverse it; afterwards it is upheld.</summary>
    [Id(7)] public long AppealWindowSeconds { get; init; } = 7 * 24 * 3600;

    /// <summary>Seconds after an epoch's end before it closes, so proposals closing at its end are counted in it.</summary>
    [Id(8)] public long SettleSeconds { get; init; } = 3600;

    /// <summary>Badges the DAO awards, each once per address.</summary>
    [Id(9)] public ImmutableArray<BadgeRule> Badges { get; init; } = [];

    /// <summary>Points for the grantee of a grant milestone the DAO's committee (or a proposal) approved and paid.</summary>
    [Id(10)] public long MilestonePoints { get; init; } = 5;

    /// <summary>The epoch a unix time falls in: ⌊t / length⌋, rounded toward −∞.</summary>
    public static long EpochAt(long unixSeconds, long length) => Math.DivRem(unixSeconds, length, out var r) - (r < 0 ? 1 : 0);
}
