namespace Blocktrack.Benchmarks;

/// <summary>Figures of the one-proposal scenario: <c>Memory</c> is the proposal's silos, <c>FeedMemory</c> the feeding ones.</summary>
public sealed record MillionResult(
    int Ballots, TimeSpan PowerFeed, RunResult Ingest, TimeSpan VotingPeriod, TimeSpan CloseToFinalTally,
    int FinalVoters, string Memory, string FeedMemory)
{
    public override string ToString() =>
        $"{Ballots:N0} ballots on one proposal: voting power fed in {PowerFeed.TotalSeconds:F0} s ({FeedMemory}); " +
        $"ingest {Ingest}; voting closed → final tally in {CloseToFinalTally.TotalSeconds:F2} s ({FinalVoters:N0} voters counted); " +
        $"proposal's silo {Memory}";
}
