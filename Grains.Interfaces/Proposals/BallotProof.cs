using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// Proof that a ballot is in a closed proposal's published ballot-set hash: fold <see cref="Proof"/> into
/// <see cref="Leaf"/> with sorted pairs (OpenZeppelin <c>MerkleProof.verify</c>) to get <see cref="ShardRoot"/>, which is
/// <see cref="ShardRoots"/>[<see cref="Shard"/>]; keccak256 of the shard roots laid end to end is
/// <see cref="BallotSetHash"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.BallotProof")]
public sealed record BallotProof
{
    [Id(0)] public string Proposal { get; init; } = "";
    [Id(1)] public string Voter { get; init; } = "";

    /// <summary>The voter's ballot shard (<see cref="BallotShards.Of"/>).</summary>
    [Id(2)] public int Shard { get; init; }

    /// <summary>The ballot as the log keeps it, so the leaf can be recomputed rather than trusted.</summary>
    [Id(3)] public Ballot Ballot { get; init; } = new();

    /// <summary>The ballot's Merkle leaf (0x hex, 32 bytes).</summary>
    [Id(4)] public string Leaf { get; init; } = "";

    /// <summary>Siblings from the leaf up to the shard's root, lowest first (0x hex, 32 bytes each).</summary>
    [Id(5)] public ImmutableArray<string> Proof { get; init; } = [];

    [Id(6)] public string ShardRoot { get; init; } = "";

    /// <summary>Every shard's root, in shard order.</summary>
    [Id(7)] public ImmutableArray<string> ShardRoots { get; init; } = [];

    /// <summary>The ballot-set hash the proposal published (and anchored, when an anchor chain is configured).</summary>
    [Id(8)] public string BallotSetHash { get; init; } = "";
}
