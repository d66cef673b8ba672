using System.Security.Cryptography;
using System.Text;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance.Participation;

/// <summary>
/// What a recorded fact earns, before the epoch's cap: nothing an address signs earns it points by itself — a ballot earns
/// only once its proposal has closed with quorum, a reason only when no other ballot repeats it, a moderation only once
/// upheld. The anti-farming limits of delegate-incentive programmes are here.
/// </summary>
public static class PointsRules
{
    public static string VoteCause(string proposal) => $"vote:{proposal}";
    public static string ReasonCause(string proposal) => $"reason:{proposal}";
    public static string PassedCause(string proposal) => $"proposal-passed:{proposal}";
    /// <summary>
    /// A moderation earns once per target (a proposal, or a ballot's reason), so hiding, restoring and hiding the same
    /// thing again earns once at most.
    /// </summary>
    public static string MilestoneCause(string grant, int milestone) => $"milestone:{grant}/{milestone}";

    public static string ModerationCause(string proposal, string? voter) => $"moderation:{ModerationRules.Key(proposal, voter)}";

    /// <summary>
    /// A reason's identity for the duplicate rule: SHA-256 of its text trimmed, lower-cased and with runs of white space
    /// folded to one, so a copy with other spacing or capitals is still a copy. Null for an empty reason.
    /// </summary>
    public static UInt128? ReasonKey(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return null;
        var folded = new StringBuilder(reason.Length);
        var space = false;
        foreach (var c in reason.Trim())
        {
            if (char.IsWhiteSpace(c)) space = true;
            else
            {
                if (space) folded.Append(' ');
                folded.Append(char.ToLowerInvariant(c));
                space = false;
            }
        }
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(folded.ToString()), hash);
        return new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
    }

    /// <summary>Counts each reason key over a proposal's ballots, the first pass of the duplicate rule.</summary>
    public static void CountReason(Dictionary<UInt128, int> counts, string? reason)
    {
        if (ReasonKey(reason) is { } key) counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>The claims one ballot of a closed proposal makes: vote points, and reason points for an original reason.</summary>
    public static IEnumerable<PointsClaim> ForBallot(ParticipationRules rules, ClosedProposal closed, Ballot ballot,
        IReadOnlyDictionary<UInt128, int> reasonCounts, IReadOnlySet<string> hiddenReasons)
    {
        if (!closed.QuorumReached || ballot.RawPower < rules.MinVotingPower) yield break;
        if (rules.VotePoints > 0)
            yield return new PointsClaim { Address = ballot.Voter, Cause = VoteCause(closed.Proposal), Points = rules.VotePoints };
        if (rules.ReasonPoints > 0 && !hiddenReasons.Contains(ballot.Voter) && ReasonKey(ballot.Reason) is { } key
            && reasonCounts.GetValueOrDefault(key) == 1)
            yield return new PointsClaim { Address = ballot.Voter, Cause = ReasonCause(closed.Proposal), Points = rules.ReasonPoints };
    }

    /// <summary>What an epoch grants of a claim: never more than is left of the address's cap, never negative.</summary>
    public static long Capped(long claimed, long earnedInEpoch, long cap) =>
        Math.Max(0, Math.Min(claimed, cap - earnedInEpoch));
}
