using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted state of a token's votable supply.</summary>
[GenerateSerializer, Alias("bt.TokenSupplyState")]
public sealed class TokenSupplyState
{
    [Id(0)] public List<Checkpoint> Votable { get; set; } = [];

    /// <summary>
    /// Last sequence applied per source whose sender has not yet confirmed it will never resend it, so a redelivered
    /// adjustment applies once; entries leave on the source's forget, so this holds the changes in flight, not every voter.
    /// </summary>
    [Id(1)] public Dictionary<string, long> Applied { get; set; } = [];

    /// <summary>Votable power mirrored from a chain, as running totals per log.</summary>
    [Id(2)] public List<ChainValue> ChainVotable { get; set; } = [];

    /// <summary>The DAO that retired the operator's balance feed for this token (the first one); null: not retired.</summary>
    [Id(3)] public string? OperatorFeedRetiredBy { get; set; }
}
