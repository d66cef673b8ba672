using System.Numerics;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Governance;

/// <summary>A change of voting power owed elsewhere: to a delegate, or (To null) to the token's votable supply.</summary>
public readonly record struct PowerTransfer(string? To, BigInteger Delta);

/// <summary>
/// ERC20Votes as transfers: a balance counts only for its delegate, and the votable supply is the sum of delegated
/// balances, so every balance change or redelegation becomes a list of deltas to delegates and to the supply.
/// </summary>
public static class DelegationRules
{
    /// <summary>How far ahead of the cluster's clock a fed balance's timepoint may be (clock skew between feeders).</summary>
    public const long FutureTolerance = 60;

    /// <summary>Checks a balance fed at a timepoint: never negative, not in the future, never before the last one.</summary>
    public static void ValidateBalance(BigInteger balance, long timepoint, long lastTimepoint, long now)
    {
        Refuse.Unless(balance.Sign >= 0, GovernanceError.InvalidArgument, "balance may not be negative");
        Refuse.Unless(timepoint <= now + FutureTolerance, GovernanceError.StaleTimepoint, $"timepoint {timepoint} is in the future");
        Refuse.Unless(timepoint >= lastTimepoint, GovernanceError.StaleTimepoint,
            $"timepoint {timepoint} is before the last recorded one ({lastTimepoint})");
    }

    /// <summary>A holder's balance moved by <paramref name="delta"/>: its delegate and the supply move with it.</summary>
    public static IReadOnlyList<PowerTransfer> BalanceChanged(string? delegatee, BigInteger delta) =>
        delegatee is null || delta.IsZero ? [] : [new(delegatee, delta), new(null, delta)];

    /// <summary>
    /// A holder of <paramref name="balance"/> moved its delegation: the old delegate loses it, the new one gains it, and
    /// the supply changes only when the balance starts or stops being delegated at all.
    /// </summary>
    public static IReadOnlyList<PowerTransfer> Redelegated(string? previous, string? next, BigInteger balance)
    {
        if (previous == next || balance.IsZero) return [];
        var transfers = new List<PowerTransfer>(2);
        if (previous is not null) transfers.Add(new(previous, -balance));
        if (next is not null) transfers.Add(new(next, balance));
        if (previous is null) transfers.Add(new(null, balance));
        if (next is null) transfers.Add(new(null, -balance));
        return transfers;
    }

    /// <summary>The zero address means "no delegate", as in ERC20Votes.</summary>
    public static string? Delegatee(string? address) => address == Addresses.Zero ? null : address;

    /// <summary>Records a change of delegate at <paramref name="now"/>; several changes in one second keep the last.</summary>
    public static void RecordDelegate(List<DelegateCheckpoint> history, long now, string? previous, string? delegatee)
    {
        // A position delegated before histories were kept starts its history with that delegate, from the beginning.
        if (history.Count == 0 && previous is not null) history.Add(new DelegateCheckpoint(long.MinValue, previous));
        if (history.Count > 0 && history[^1].Timepoint == now) history[^1] = new DelegateCheckpoint(now, delegatee);
        else history.Add(new DelegateCheckpoint(now, delegatee));
    }

    /// <summary>The delegate at <paramref name="timepoint"/>: the last change at or before it (as balance checkpoints are read).</summary>
    public static string? DelegateAt(IReadOnlyList<DelegateCheckpoint> history, string? current, long timepoint)
    {
        if (history.Count == 0) return current; // never changed since histories were kept
        var i = Timeline.LastAtOrBefore(history, timepoint, static c => c.Timepoint);
        return i < 0 ? null : history[i].Delegate;
    }
}
