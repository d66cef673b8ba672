using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// A DAO's treasury held on chain: the TimelockController its executed proposals drive, one per DAO, so every ERC-20
/// transfer into or out of that account belongs to exactly one DAO without any memo. The listed assets are then a
/// mirror of the chain (deposits are transfers to the account, payouts transfers out of it, executed by the timelock);
/// every other asset stays on the cluster's own ledger.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.TreasuryBinding")]
public sealed record TreasuryBinding
{
    [Id(0)] public long Chain { get; init; }

    /// <summary>The DAO's TimelockController; the cluster's executor key must hold its proposer and executor roles.</summary>
    [Id(1)] public string Account { get; init; } = "";

    [Id(2)] public ImmutableArray<BoundAsset> Assets { get; init; } = [];

    public BoundAsset? Find(string asset) => Assets.IsDefault ? null : Assets.FirstOrDefault(a => a.Asset == asset);
}

/// <summary>A treasury asset held on chain: an ERC-20 token, or the chain's native currency.</summary>
[GenerateSerializer, Immutable, Alias("bt.BoundAsset")]
public sealed record BoundAsset
{
    /// <summary>The token of the chain's native currency (ETH): plain value transfers, which emit no log.</summary>
    public const string NativeToken = "0x0000000000000000000000000000000000000000";

    /// <summary>The asset's name in the DAO's treasury (<c>btk</c>, <c>eth</c>).</summary>
    [Id(0)] public string Asset { get; init; } = "";

    /// <summary>The ERC-20 contract, or <see cref="NativeToken"/> for the native currency.</summary>
    [Id(1)] public string Token { get; init; } = "";
}
