namespace Blocktrack.Benchmarks;

/// <summary>Figures of the one-proposal scenario.</summary>
public sealed record MillionResult(
    int Ballots, TimeSpan PowerFeed, RunResult Ingest, TimeSpan VotingPeriod, TimeSpan CloseToFinalTally,
    int FinalVoters, string Memory)
{
    public override string ToString() =>
        $"{Ballots:N0} ballots on one proposal: voting power fed in {PowerFeed.TotalSeconds:F0} s; ingest {Ingest}; " +
        $"voting closed → final tally in {CloseToFinalTally.TotalSeconds:F2} s ({FinalVoters:N0} voters counted); silo {Memory}";
}
