using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A cap on what a DAO may allocate to one Sustainable Development Goal in one asset within one period.</summary>
[GenerateSerializer, Immutable, Alias("bt.SdgCap")]
public sealed record SdgCap
{
    /// <summary>The UN goal, 1..17 (4 Quality Education, 8 Decent Work, 10 Reduced Inequalities ...).</summary>
    [Id(0)] public int Goal { get; init; }

    [Id(1)] public string Asset { get; init; } = "";
    [Id(2)] public BigInteger Amount { get; init; }
}

/// <summary>
/// A constitution's SDG section: the length of a reporting and capping period (periods are counted from the unix epoch,
/// so period k covers [k × length, (k + 1) × length)) and the caps that hold in every period.
/// </summary>
[GenerateSerializer, Immutable, Alias("bt.SdgPolicy")]
public sealed record SdgPolicy
{
    public const long DefaultPeriodSeconds = 90 * 86_400;

    [Id(0)] public long PeriodSeconds { get; init; } = DefaultPeriodSeconds;
    [Id(1)] public ImmutableArray<SdgCap> Caps { get; init; } = [];
}
