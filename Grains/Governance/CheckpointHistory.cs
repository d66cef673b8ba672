using System.Numerics;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Governance;

/// <summary>ERC20Votes-style checkpoints: the value at a timepoint is the last checkpoint at or before it.</summary>
public static class CheckpointHistory
{
    /// <summary>Value at <paramref name="timepoint"/>; zero before the first checkpoint.</summary>
    public static BigInteger ValueAt(IReadOnlyList<Checkpoint> history, long timepoint)
    {
        var i = Timeline.LastAtOrBefore(history, timepoint, static c => c.Timepoint);
        return i < 0 ? BigInteger.Zero : history[i].Value;
    }

    public static BigInteger Latest(IReadOnlyList<Checkpoint> history) =>
        history.Count == 0 ? BigInteger.Zero : history[^1].Value;

    /// <summary>
    /// Adds <paramref name="delta"/> from <paramref name="timepoint"/> on. Deltas may arrive out of order
    /// (they come from other grains), so every later checkpoint moves too; the result never goes negative.
    /// </summary>
    public static void AddDelta(List<Checkpoint> history, long timepoint, BigInteger delta)
    {
        if (delta.IsZero) return;
        var index = history.FindIndex(c => c.Timepoint >= timepoint);
        // Refuse before touching anything: a refused delta must leave the history exactly as it was.
        var lowest = index < 0 ? Latest(history) : history.Skip(index).Select(c => c.Value).Append(ValueAt(history, timepoint)).Min();
        Checked(lowest + delta);
        if (index < 0)
        {
            history.Add(new Checkpoint(timepoint, Checked(Latest(history) + delta)));
            return;
        }
        if (history[index].Timepoint != timepoint)
        {
            history.Insert(index, new Checkpoint(timepoint, ValueAt(history, timepoint)));
        }
        for (var i = index; i < history.Count; i++)
        {
            history[i] = history[i] with { Value = Checked(history[i].Value + delta) };
        }
    }

    private static BigInteger Checked(BigInteger value) =>
        value.Sign >= 0 ? value : throw new InvalidOperationException("A checkpoint would go below zero.");
}
