using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using Blocktrack.Grains.Governance.Choices;
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

    /// <summary>
    /// The tally after a voter's ballot replaces its previous one (or is its first). A choice ballot (one with choices)
    /// moves the additive per-choice sums of <paramref name="type"/> over <paramref name="choiceCount"/> choices instead
    /// of For/Against/Abstain.
    /// </summary>
    public static Tally Apply(Tally tally, Ballot? previous, Ballot next, CountingType type = CountingType.Basic, int choiceCount = 0)
    {
        // A first ballot is one new tally; a replacing one takes its predecessor out first.
        return previous is null
            ? Move(tally, next, +1, 1, type, choiceCount)
            : Move(Move(tally, previous, -1, 0, type, choiceCount), next, +1, 0, type, choiceCount);
    }

    /// <summary>Recomputes a tally from an append-only ballot log: a voter's later ballot replaces its earlier one.</summary>
    public static Tally Recompute(IEnumerable<Ballot> log, CountingType type = CountingType.Basic, int choiceCount = 0)
    {
        var latest = new Dictionary<string, Ballot>(StringComparer.Ordinal);
        var tally = Tally.Empty;
        foreach (var ballot in log)
        {
            latest.TryGetValue(ballot.Voter, out var previous);
            tally = Apply(tally, previous, ballot, type, choiceCount);
            latest[ballot.Voter] = ballot;
        }
        return tally;
    }

    /// <summary>The tally of a whole proposal from its shards' tallies (per-choice sums add up choice by choice).</summary>
    public static Tally Sum(IEnumerable<Tally> tallies) => tallies.Aggregate(Tally.Empty, static (a, t) => new Tally
    {
        For = a.For + t.For,
        Against = a.Against + t.Against,
        Abstain = a.Abstain + t.Abstain,
        Voters = a.Voters + t.Voters,
        QuorumPower = a.QuorumPower + t.QuorumPower,
        ChoiceSums = AddSums(a.ChoiceSums, t.ChoiceSums),
    });

    // Adds (sign +1) or takes out (-1) a ballot's weight, and adds `voters` to the count of voters. A sign flips the
    // power instead of multiplying it: a product of a large BigInteger allocates, a negation shares its digits.
    private static Tally Move(Tally t, Ballot b, int sign, int voters, CountingType type, int choiceCount)
    {
        var raw = sign > 0 ? b.RawPower : -b.RawPower;
        if (b.HasChoices)
        {
            var sums = t.ChoiceSums.IsDefaultOrEmpty ? new BigInteger[choiceCount] : t.ChoiceSums.ToArray();
            ChoiceCounting.Add(type, sums, ChoiceVote.From(b), sign);
            // The array is this tally's alone from here on, so it becomes the immutable one without a copy.
            return t with
            {
                Voters = t.Voters + voters,
                ChoiceSums = ImmutableCollectionsMarshal.AsImmutableArray(sums),
                QuorumPower = t.QuorumPower + raw,
            };
        }
        var weight = sign > 0 ? b.Weight : -b.Weight;
        return b.Support switch
        {
            Support.For => t with { Voters = t.Voters + voters, For = t.For + weight, QuorumPower = t.QuorumPower + raw },
            Support.Against => t with { Voters = t.Voters + voters, Against = t.Against + weight },
            _ => t with { Voters = t.Voters + voters, Abstain = t.Abstain + weight, QuorumPower = t.QuorumPower + raw },
        };
    }

    private static ImmutableArray<BigInteger> AddSums(ImmutableArray<BigInteger> a, ImmutableArray<BigInteger> b)
    {
        if (a.IsDefaultOrEmpty) return b.IsDefault ? [] : b;
        if (b.IsDefaultOrEmpty) return a;
        var sums = new BigInteger[Math.Max(a.Length, b.Length)];
        for (var i = 0; i < sums.Length; i++) sums[i] = (i < a.Length ? a[i] : 0) + (i < b.Length ? b[i] : 0);
        return [.. sums];
    }
}
