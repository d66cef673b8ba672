namespace Blocktrack.Benchmarks;

/// <summary>Figures of the epoch scenario.</summary>
public sealed record EpochResult(
    int Participants, long BallotsProcessed, TimeSpan BallotsToPoints, string DirectGrants,
    TimeSpan Close, TimeSpan Paid, string Memory)
{
    public override string ToString() =>
        $"{Participants:N0} participants in one epoch: ledger " +
        $"{BallotsProcessed:N0} ballots → points in {BallotsToPoints.TotalSeconds:F1} s " +
        $"({BallotsProcessed / BallotsToPoints.TotalSeconds:N0} ballots/s); direct {DirectGrants}; epoch close (draw + allocation) " +
        $"{Close.TotalSeconds:F2} s, credits {(Paid - Close).TotalSeconds:F2} s, total until Paid {Paid.TotalSeconds:F2} s; process {Memory}";
}
