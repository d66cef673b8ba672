using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>One address in one token: balance and votes over time, and where the balance is delegated.</summary>
[GenerateSerializer, Alias("bt.TokenPosition")]
public sealed class TokenPosition
{
    [Id(0)] public List<Checkpoint> Balance { get; set; } = [];
    [Id(1)] public string? Delegate { get; set; }
    [Id(2)] public List<Checkpoint> Votes { get; set; } = [];

    /// <summary>Votes mirrored from a chain (DelegateVotesChanged); when present they are the token's votes.</summary>
    [Id(3)] public List<ChainValue> ChainVotes { get; set; } = [];

    /// <summary>Every change of <see cref="Delegate"/>, so the delegate at a past snapshot is known (delegator override).</summary>
    [Id(4)] public List<DelegateCheckpoint> DelegateHistory { get; set; } = [];
}
