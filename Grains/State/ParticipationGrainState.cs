using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted state of a DAO's participation ledger.</summary>
[GenerateSerializer, Alias("bt.ParticipationGrainState")]
public sealed class ParticipationGrainState
{
    /// <summary>Every closed proposal reported, with its place in closing order (1 = first).</summary>
    [Id(0)] public Dictionary<string, long> Closed { get; set; } = [];

    /// <summary>Closed proposals whose ballots are still being turned into awards, in closing order.</summary>
    [Id(1)] public List<ParticipationJob> Jobs { get; set; } = [];

    /// <summary>Moderations waiting for their appeal window to end.</summary>
    [Id(2)] public List<ModerationWatch> Watches { get; set; } = [];
    [Id(3)] public long BallotsProcessed { get; set; }

    /// <summary>Moderation acts seen, so a redelivered act is watched once.</summary>
    [Id(4)] public HashSet<long> Moderations { get; set; } = [];
}

/// <summary>A closed proposal being processed: which shard and voter it has got to, and the epoch its awards go to.</summary>
[GenerateSerializer, Alias("bt.ParticipationJob")]
public sealed class ParticipationJob
{
    [Id(0)] public ClosedProposal Fact { get; set; } = new();
    [Id(1)] public long Index { get; set; }
    [Id(2)] public long Epoch { get; set; }
    [Id(3)] public int Shard { get; set; }

    /// <summary>The last voter processed in <see cref="Shard"/> (ballots are read in voter order); null: from the start.</summary>
    [Id(4)] public string? After { get; set; }
}

[GenerateSerializer, Immutable, Alias("bt.ModerationWatch")]
public sealed record ModerationWatch
{
    [Id(0)] public long Seq { get; init; }
    [Id(1)] public string Moderator { get; init; } = "";

    /// <summary>Unix seconds the appeal window ends.</summary>
    [Id(2)] public long DueAt { get; init; }

    /// <summary>What the act hid: the proposal, and the voter whose reason it hid (null: the proposal itself).</summary>
    [Id(3)] public string Proposal { get; init; } = "";
    [Id(4)] public string? Voter { get; init; }
}
