using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A DAO's current constitution, roles, sub-DAOs and treasury.</summary>
[GenerateSerializer, Immutable, Alias("bt.DaoInfo")]
public sealed record DaoInfo
{
    [Id(0)] public string Path { get; init; } = "";
    [Id(1)] public string DisplayName { get; init; } = "";
    [Id(2)] public string? Parent { get; init; }
    [Id(3)] public DateTimeOffset CreatedAt { get; init; }
    [Id(4)] public Constitution Constitution { get; init; } = new();
    [Id(5)] public DaoRoles Roles { get; init; } = new();
    [Id(6)] public ImmutableArray<string> SubDaos { get; init; } = [];
    [Id(7)] public int ProposalCount { get; init; }
    /// <summary>Every asset's balance: the ledger's, and for assets held on chain the mirrored one.</summary>
    [Id(8)] public ImmutableDictionary<string, BigInteger> Treasury { get; init; } = ImmutableDictionary<string, BigInteger>.Empty;

    /// <summary>The proposal of the parent DAO that created this sub-DAO.</summary>
    [Id(9)] public string? CreatedBy { get; init; }

    /// <summary>Rewards budgets funded by executed proposals, oldest first.</summary>
    [Id(10)] public ImmutableArray<RewardBudget> RewardBudgets { get; init; } = [];

    /// <summary>Whether the treasury is the cluster's ledger or partly held on chain (<see cref="Treasury"/> shows both).</summary>
    [Id(11)] public TreasuryCustody Custody { get; init; }

    /// <summary>The on-chain account and its mirrored balances; null for a ledger treasury.</summary>
    [Id(12)] public OnChainTreasuryInfo? OnChainTreasury { get; init; }

    /// <summary>Grant programs opened so far, numbered 1..n (<c>/daos/{path}/programs/{n}</c>).</summary>
    [Id(13)] public long GrantPrograms { get; init; }
}
