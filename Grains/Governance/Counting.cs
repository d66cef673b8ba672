using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>Quorum and approval rules: quorum counts For + Abstain; passing needs For &gt; Against and the threshold.</summary>
public static class Counting
{
    public const int BasisPoints = 10_000;

    /// <summary>Votes needed for quorum: floor(votable × bps / 10,000), as OpenZeppelin's GovernorVotesQuorumFraction.</summary>
    public static BigInteger QuorumRequired(BigInteger votable, int quorumBps) => votable * quorumBps / BasisPoints;

    public static bool QuorumReached(Tally tally, BigInteger required) => tally.For + tally.Abstain >= required;

    /// <summary>For &gt; Against and For / (For + Against) ≥ the approval threshold.</summary>
    public static bool VoteSucceeded(Tally tally, int approvalThresholdBps)
    {
        if (tally.For <= tally.Against) return false;
        return tally.For * BasisPoints >= (tally.For + tally.Against) * approvalThresholdBps;
    }

    public static bool Passed(Tally tally, BigInteger quorumRequired, int approvalThresholdBps) =>
        QuorumReached(tally, quorumRequired) && VoteSucceeded(tally, approvalThresholdBps);

    /// <summary>The tally after a voter's ballot replaces its previous one (or is its first).</summary>
    public static Tally Apply(Tally tally, Ballot? previous, Ballot next)
    {
        var t = previous is null ? tally with { Voters = tally.Voters + 1 } : Remove(tally, previous);
        return next.Support switch
        {
            Support.For => t with { For = t.For + next.Weight },
            Support.Against => t with { Against = t.Against + next.Weight },
            _ => t with { Abstain = t.Abstain + next.Weight },
        };
    }

    /// <summary>Recomputes a tally from an append-only ballot log: a voter's later ballot replaces its earlier one.</summary>
    public static Tally Recompute(IEnumerable<Ballot> log)
    {
        var latest = new Dictionary<string, Ballot>(StringComparer.Ordinal);
        var tally = Tally.Empty;
        foreach (var ballot in log)
        {
            latest.TryGetValue(ballot.Voter, out var previous);
            tally = Apply(tally, previous, ballot);
            latest[ballot.Voter] = ballot;
        }
        return tally;
    }

    /// <summary>The tally of a whole proposal from its shards' tallies.</summary>
    public static Tally Sum(IEnumerable<Tally> tallies) => tallies.Aggregate(Tally.Empty, static (a, t) => new Tally
    {
        For = a.For + t.For,
        Against = a.Against + t.Against,
        Abstain = a.Abstain + t.Abstain,
        Voters = a.Voters + t.Voters,
    });

    private static Tally Remove(Tally t, Ballot b) => b.Support switch
    {
        Support.For => t with { For = t.For - b.Weight },
        Support.Against => t with { Against = t.Against - b.Weight },
        _ => t with { Abstain = t.Abstain - b.Weight },
    };
}
