using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A DAO's rules as data. Every change is a new version recording the proposal that made it.</summary>
[GenerateSerializer, Immutable, Alias("bt.Constitution")]
public sealed record Constitution
{
    /// <summary>Assigned by the DAO: 1 at creation, +1 for every amendment.</summary>
    [Id(0)] public int Version { get; init; }

    [Id(1)] public ImmutableArray<ProposalClass> Classes { get; init; } = [];

    /// <summary>What this DAO allows its sub-DAOs' constitutions to be.</summary>
    [Id(2)] public ConstitutionBounds SubDaoBounds { get; init; } = new();

    /// <summary>The proposal that adopted this version; null for the founding version.</summary>
    [Id(3)] public string? AdoptedBy { get; init; }

    [Id(4)] public DateTimeOffset AdoptedAt { get; init; }

    /// <summary>The DAO's participation programme (points, rewards, badges); null: none. Left out of the JSON when null.</summary>
    [Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ParticipationRules? Participation { get; init; }

    /// <summary>
    /// Operator capabilities this DAO has retired for itself and every DAO below it; an amendment may add to them, never
    /// take one back. Left out of the JSON when none.
    /// </summary>
    [Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public OperatorCapability RetiredOperatorCapabilities { get; init; }

    /// <summary>
    /// The DAO's treasury account on chain and the assets held there (mirrored, never recorded by an operator); null: the
    /// treasury is the cluster's ledger. Once bound, an amendment may add assets but never unbind or move the account.
    /// </summary>
    [Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TreasuryBinding? OnChainTreasury { get; init; }

    /// <summary>SDG reporting period and per-goal caps; null: 90-day periods, no caps. Left out of the JSON when null.</summary>
    [Id(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SdgPolicy? Sdg { get; init; }

    public ProposalClass? FindClass(string name) => Classes.FirstOrDefault(c => c.Name == name);
}
