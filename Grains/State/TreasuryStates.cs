using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted state of a chain's treasury registry: every bound asset of every DAO's account.</summary>
[GenerateSerializer, Alias("bt.TreasuryRegistryState")]
public sealed class TreasuryRegistryState
{
    [Id(0)] public List<BoundAccount> Bound { get; set; } = [];
}

/// <summary>
/// Persisted state of a DAO's on-chain treasury mirror: balances, the movements a reorg could still undo, and how many
/// final movements went to the archive pages (so a write never carries the whole history).
/// </summary>
[GenerateSerializer, Alias("bt.ChainTreasuryState")]
public sealed class ChainTreasuryState
{
    [Id(0)] public ImmutableDictionary<string, BigInteger> Balances { get; set; } = ImmutableDictionary<string, BigInteger>.Empty;
    [Id(1)] public List<TreasuryMovement> Recent { get; set; } = [];
    [Id(2)] public int Archived { get; set; }

    /// <summary>The (block, log index) of the last archived movement; anything at or before it is applied already.</summary>
    [Id(3)] public long ArchivedBlock { get; set; } = -2;
    [Id(4)] public int ArchivedLogIndex { get; set; } = -2;
    [Id(5)] public long MirroredBlock { get; set; }
}

/// <summary>Persisted state of one archive page of an on-chain treasury's final movements.</summary>
[GenerateSerializer, Alias("bt.TreasuryArchiveState")]
public sealed class TreasuryArchiveState
{
    [Id(0)] public List<TreasuryMovement> Movements { get; set; } = [];
}
