namespace Blocktrack.Grains.Interfaces;

/// <summary>What a ballot shard needs from its proposal to judge ballots on its own.</summary>
[GenerateSerializer, Immutable, Alias("bt.VotingTerms")]
public sealed record VotingTerms
{
    [Id(0)] public string Proposal { get; init; } = "";
    [Id(1)] public DateTimeOffset Snapshot { get; init; }

    /// <summary>Current deadline; it may still move out once (late quorum), so shards refresh it before refusing.</summary>
    [Id(2)] public DateTimeOffset Deadline { get; init; }
    [Id(3)] public ProposalClass Class { get; init; } = new();
    [Id(4)] public int Shards { get; init; }

    /// <summary>False once the proposal was canceled or vetoed.</summary>
    [Id(5)] public bool Open { get; init; }

    /// <summary>False while a mirrored chain has not yet been followed past the snapshot: voting has not opened.</summary>
    [Id(6)] public bool SnapshotFinal { get; init; } = true;

    /// <summary>Choice classes: how many choices the proposal has (ballots number them 1..ChoiceCount).</summary>
    [Id(7)] public int ChoiceCount { get; init; }
}
