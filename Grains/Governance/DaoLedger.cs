using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>The part of a DAO that executed actions change: constitution, roles, sub-DAOs, treasury, budgets, moderation.</summary>
public sealed record DaoLedger
{
    public string Path { get; init; } = "";
    public Constitution Constitution { get; init; } = new();
    public DaoRoles Roles { get; init; } = new();
    public ImmutableArray<string> SubDaos { get; init; } = [];
    public ImmutableDictionary<string, BigInteger> Treasury { get; init; } = ImmutableDictionary<string, BigInteger>.Empty;
    public ImmutableArray<RewardBudget> RewardBudgets { get; init; } = [];

    /// <summary>The moderation log as it stands (read only: appeals add to it through <see cref="Reversals"/>).</summary>
    public IReadOnlyList<ModerationAction> Moderation { get; init; } = [];

    /// <summary>Appeals the proposal upholds, in order.</summary>
    public ImmutableArray<ReverseModeration> Reversals { get; init; } = [];

    /// <summary>Grant programs opened so far (the next one is number + 1).</summary>
    public long GrantPrograms { get; init; }

    /// <summary>What grant programs hold of bound (on-chain) assets; <see cref="Treasury"/> already leaves it out.</summary>
    public ImmutableDictionary<string, BigInteger> Earmarked { get; init; } = ImmutableDictionary<string, BigInteger>.Empty;

    /// <summary>SDG figures by <c>{period}|{goal}</c>, checked against the constitution's caps.</summary>
    public ImmutableDictionary<string, SdgFigures> Sdg { get; init; } = ImmutableDictionary<string, SdgFigures>.Empty;
}
