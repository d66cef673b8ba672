using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Where a DAO's treasury lives: wholly on the cluster's ledger, or partly mirrored from an account on chain.</summary>
public enum TreasuryCustody
{
    /// <summary>Every asset is a ledger entry of the cluster (deposits recorded by the operator, unless retired).</summary>
    Ledger = 0,

    /// <summary>The bound assets are mirrored from the DAO's on-chain account; any others stay on the ledger.</summary>
    OnChain = 1,
}

/// <summary>A bound asset's balance as last mirrored.</summary>
[GenerateSerializer, Immutable, Alias("bt.MirroredAsset")]
public sealed record MirroredAsset
{
    [Id(0)] public string Asset { get; init; } = "";
    [Id(1)] public string Token { get; init; } = "";
    [Id(2)] public BigInteger Balance { get; init; }
}

/// <summary>A DAO's on-chain treasury account and what the watcher has mirrored of it.</summary>
[GenerateSerializer, Immutable, Alias("bt.OnChainTreasuryInfo")]
public sealed record OnChainTreasuryInfo
{
    [Id(0)] public long Chain { get; init; }
    [Id(1)] public string Account { get; init; } = "";
    [Id(2)] public ImmutableArray<MirroredAsset> Assets { get; init; } = [];

    /// <summary>The last block whose transfers changed a balance (every block up to the watcher's cursor is mirrored).</summary>
    [Id(3)] public long MirroredBlock { get; init; }
}

/// <summary>A page of an on-chain treasury's ledger, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("bt.TreasuryLedgerPage")]
public sealed record TreasuryLedgerPage
{
    [Id(0)] public ImmutableArray<TreasuryMovement> Items { get; init; } = [];
    [Id(1)] public long Total { get; init; }
    [Id(2)] public int Offset { get; init; }
    [Id(3)] public int Limit { get; init; }
    [Id(4)] public ImmutableDictionary<string, BigInteger> Balances { get; init; } = ImmutableDictionary<string, BigInteger>.Empty;
}
