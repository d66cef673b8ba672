using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>
/// OpenZeppelin GovernorCountingOverridable: a delegator may vote itself although its delegate voted. Its ballot carries
/// its own balance at the snapshot on top of any votes delegated to it, and that balance leaves the delegate's ballot.
/// Shards count every ballot as cast; the proposal takes each override out of its delegate's support once, whatever the
/// order of the two ballots, so the adjustment is O(1) per overriding ballot and recomputable from the ballots alone.
/// </summary>
public static class OverrideRules
{
    /// <summary>
    /// The override part of a delegator's ballot: its balance when it had delegated to someone else at the snapshot, else
    /// nothing.
    /// </summary>
    public static (string? Delegate, BigInteger Balance) Share(string voter, DelegationAt at) =>
        at.Delegate is { } d && d != voter && at.Balance.Sign > 0 ? (d, at.Balance) : (null, BigInteger.Zero);

    /// <summary>
    /// The tally with each override taken out of its delegate's support (when the delegate voted). A delegate's loss never
    /// exceeds its ballot's weight. <paramref name="delegates"/> maps each delegate that voted to its counted ballot.
    /// </summary>
    public static Tally Adjust(Tally tally, IEnumerable<BallotOverride> overrides, IReadOnlyDictionary<string, Ballot> delegates)
    {
        var taken = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        foreach (var o in overrides)
        {
            if (!delegates.TryGetValue(o.Delegate, out var ballot)) continue;
            var already = taken.GetValueOrDefault(o.Delegate);
            var amount = BigInteger.Min(o.Balance, ballot.Weight - already);
            if (amount.Sign <= 0) continue;
            taken[o.Delegate] = already + amount;
            tally = ballot.Support switch
            {
                Support.For => tally with { For = tally.For - amount, QuorumPower = tally.QuorumPower - amount },
                Support.Against => tally with { Against = tally.Against - amount },
                _ => tally with { Abstain = tally.Abstain - amount, QuorumPower = tally.QuorumPower - amount },
            };
        }
        return tally;
    }
}
