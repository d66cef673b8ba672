using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// Whether a proposal passes, for every counting type and quorum variant. Basic classes: quorum counts For + Abstain
/// (raw power when weights are √power), then For must beat Against and reach the approval threshold. Choice classes:
/// quorum counts the power of every ballot, then the winning choice must exist and hold the class's minimum share.
/// </summary>
public static class Outcome
{
    /// <summary>The votes that count toward quorum.</summary>
    public static BigInteger QuorumVotes(ProposalFacts f, Tally t) =>
        f.Counting != CountingType.Basic || f.QuadraticPower ? t.QuorumPower : t.For + t.Abstain;

    /// <summary>
    /// Votes needed for quorum given the tally: the fixed <see cref="ProposalFacts.QuorumRequired"/>, or with a dynamic
    /// quorum floor(votable × quorumBps / 10,000) with Nouns' quorumBps (see <see cref="DynamicQuorumBps"/>). Null until
    /// the votable power is known.
    /// </summary>
    public static BigInteger? QuorumRequired(ProposalFacts f, Tally t)
    {
        if (f.DynamicQuorum is not { } dynamic) return f.QuorumRequired;
        if (f.Votable is not { } votable) return null;
        return Counting.QuorumRequired(votable, DynamicQuorumBps(dynamic, t.Against, votable));
    }

    /// <summary>
    /// Nouns DAO's dynamic quorum: min(maxBps, minBps + coefficient · againstBps / 10⁶), againstBps = 10,000 · against /
    /// votable (each division rounded down).
    /// </summary>
    public static int DynamicQuorumBps(DynamicQuorum q, BigInteger against, BigInteger votable)
    {
        if (votable.IsZero) return q.MinBps;
        var againstBps = against * Counting.BasisPoints / votable;
        var adjusted = q.MinBps + q.Coefficient * againstBps / 1_000_000;
        return (int)BigInteger.Min(q.MaxBps, adjusted);
    }

    public static bool QuorumReached(ProposalFacts f, Tally t) =>
        QuorumRequired(f, t) is { } required && QuorumVotes(f, t) >= required;

    /// <summary>Quorum reached and the vote carried (basic) or a choice won with enough of the power (choice classes).</summary>
    public static bool Passed(ProposalFacts f)
    {
        if (!QuorumReached(f, f.Tally)) return false;
        if (f.Counting == CountingType.Basic) return Counting.VoteSucceeded(f.Tally, f.ApprovalThresholdBps);
        return f.Tally.Outcome is { Winner: not null } o && o.WinnerShareBps >= f.MinWinningShareBps;
    }

    /// <summary>
    /// OpenZeppelin GovernorSuperQuorum: For alone has reached the super-quorum of the votable power and the vote is
    /// succeeding, so voting may close early. Never for choice classes or without a super-quorum.
    /// </summary>
    public static bool SuperQuorumReached(ProposalFacts f, Tally t) =>
        f.SuperQuorumBps > 0 && f.Counting == CountingType.Basic && f.Votable is { } votable
        && t.For >= Counting.QuorumRequired(votable, f.SuperQuorumBps)
        && QuorumReached(f, t) && Counting.VoteSucceeded(t, f.ApprovalThresholdBps);
}
