using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A sealed shard's evidence for one ballot: the ballot, its Merkle leaf and the sibling path to the shard's root.</summary>
[GenerateSerializer, Immutable, Alias("bt.ShardProof")]
public sealed record ShardProof
{
    [Id(0)] public Ballot Ballot { get; init; } = new();

    /// <summary>The ballot's leaf (0x hex, 32 bytes), as BallotSetHash computes it.</summary>
    [Id(1)] public string Leaf { get; init; } = "";

    /// <summary>Siblings from the leaf up to the root, lowest first (0x hex, 32 bytes each); empty for a shard's only ballot.</summary>
    [Id(2)] public ImmutableArray<string> Proof { get; init; } = [];

    /// <summary>The shard's Merkle root (0x hex).</summary>
    [Id(3)] public string Root { get; init; } = "";
}
