using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.State;

/// <summary>Persisted state of a DAO.</summary>
[GenerateSerializer, Alias("bt.DaoState")]
public sealed class DaoState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public string DisplayName { get; set; } = "";
    [Id(2)] public string? Parent { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public string? CreatedBy { get; set; }

    /// <summary>Every version, oldest first; the last is in force.</summary>
    [Id(5)] public List<Constitution> Constitutions { get; set; } = [];
    [Id(6)] public DaoRoles Roles { get; set; } = new();
    [Id(7)] public ImmutableArray<string> SubDaos { get; set; } = [];
    [Id(8)] public ImmutableDictionary<string, BigInteger> Treasury { get; set; } = ImmutableDictionary<string, BigInteger>.Empty;

    /// <summary>The proposal index; entry i has sequence number i + 1.</summary>
    [Id(9)] public List<ProposalSummary> Proposals { get; set; } = [];

    /// <summary>Successful executions by proposal id, so a retried execution applies nothing twice.</summary>
    [Id(10)] public Dictionary<string, ExecutionResult> Executions { get; set; } = [];

    /// <summary>Effects on other DAOs saved with the execution that caused them, delivered in order.</summary>
    [Id(11)] public List<DaoEffect> Outbox { get; set; } = [];

    /// <summary>References of allocations and deposits already credited.</summary>
    [Id(12)] public HashSet<string> Credited { get; set; } = [];

    /// <summary>Every moderation act, oldest first; what is hidden now is derived from it.</summary>
    [Id(13)] public List<ModerationAction> Moderation { get; set; } = [];

    /// <summary>Rewards budgets funded by executed proposals, oldest first.</summary>
    [Id(14)] public ImmutableArray<RewardBudget> RewardBudgets { get; set; } = [];

    /// <summary>What each reward epoch drew from the budgets, so an epoch draws once.</summary>
    [Id(15)] public Dictionary<long, ImmutableArray<RewardDraw>> RewardDraws { get; set; } = [];

    /// <summary>The on-chain treasury's balances of its bound assets, as its mirror last reported them.</summary>
    [Id(16)] public ImmutableDictionary<string, BigInteger> Mirrored { get; set; } = ImmutableDictionary<string, BigInteger>.Empty;

    /// <summary>The block of that report.</summary>
    [Id(17)] public long MirroredBlock { get; set; }

    /// <summary>Audit acts of this DAO so far: numbers the causes of acts that have no natural key (role changes).</summary>
    [Id(18)] public long AuditCount { get; set; }

    /// <summary>Whether this root DAO has been handed to the DAO directory (DAOs founded before it are on activation).</summary>
    [Id(19)] public bool Listed { get; set; }

    /// <summary>Grant programs opened so far: program n has key <c>{dao}/programs/{n}</c>.</summary>
    [Id(20)] public long GrantPrograms { get; set; }

    /// <summary>SDG figures by <c>{period}|{goal}</c>: what the caps are checked against and GET /sdg reports.</summary>
    [Id(21)] public ImmutableDictionary<string, SdgFigures> Sdg { get; set; } = ImmutableDictionary<string, SdgFigures>.Empty;

    /// <summary>Per bound asset: what grant programs hold of the on-chain balance (not spendable by other actions).</summary>
    [Id(22)] public ImmutableDictionary<string, BigInteger> Earmarked { get; set; } = ImmutableDictionary<string, BigInteger>.Empty;

    /// <summary>Proposals with SDG-tagged actions whose vote has not ended: their period and goals, for the turnout figures.</summary>
    [Id(23)] public Dictionary<string, TaggedProposal> TaggedProposals { get; set; } = [];

    /// <summary>Decisions of executed proposals their grants have not taken yet.</summary>
    [Id(24)] public List<GrantDecisionEntry> GrantDecisions { get; set; } = [];

    /// <summary>Treasury flows in and out per <c>{period}|{asset}</c> (months and all time), for the analytics report.</summary>
    [Id(25)] public ImmutableDictionary<string, AssetFlow> Flows { get; set; } = ImmutableDictionary<string, AssetFlow>.Empty;
}

/// <summary>A pending decision and the key of the grant it is for.</summary>
[GenerateSerializer, Immutable, Alias("bt.GrantDecisionEntry")]
public sealed record GrantDecisionEntry([property: Id(0)] string Grant, [property: Id(1)] PendingGrantDecision Pending);

/// <summary>A proposal's SDG goals and the period it was created in.</summary>
[GenerateSerializer, Immutable, Alias("bt.TaggedProposal")]
public sealed record TaggedProposal([property: Id(0)] long Period, [property: Id(1)] ImmutableArray<int> Goals);
