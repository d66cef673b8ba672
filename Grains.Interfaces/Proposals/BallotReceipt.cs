using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>The answer to a ballot, given only once the ballot is durable.</summary>
[GenerateSerializer, Immutable, Alias("bt.BallotReceipt")]
public sealed record BallotReceipt
{
    [Id(0)] public string Proposal { get; init; } = "";
    [Id(1)] public string Voter { get; init; } = "";
    [Id(2)] public Support Support { get; init; }
    [Id(3)] public BigInteger Weight { get; init; }

    /// <summary>True when this ballot replaced the voter's earlier one.</summary>
    [Id(4)] public bool Replaced { get; init; }

    /// <summary>True when this exact signed ballot had already been accepted; nothing changed.</summary>
    [Id(5)] public bool Duplicate { get; init; }

    [Id(6)] public ImmutableArray<ushort> Choices { get; init; } = [];
    [Id(7)] public ImmutableArray<ulong> Weights { get; init; } = [];

    /// <summary>Power at the snapshot when the weight derives from it (quadratic classes); zero otherwise.</summary>
    [Id(8)] public BigInteger Power { get; init; }

    /// <summary>
    /// The ballot's Merkle leaf (0x hex). Once voting has closed, <c>GET /proposals/{id}/ballots/{voter}/proof</c> proves
    /// it is in the published ballot-set hash.
    /// </summary>
    [Id(9)] public string Leaf { get; init; } = "";
}
