using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>What one SDG received in one period: kept as decisions happen, never summed up at request time.</summary>
[GenerateSerializer, Immutable, Alias("bt.SdgFigures")]
public sealed record SdgFigures
{
    [Id(0)] public int Goal { get; init; }

    /// <summary>Per asset: executed transfers, allocations and program budgets tagged with the goal, and grants beyond their program's goals.</summary>
    [Id(1)] public ImmutableDictionary<string, BigInteger> Allocated { get; init; } = ImmutableDictionary<string, BigInteger>.Empty;

    /// <summary>Per asset: grant tranches paid for grants tagged with the goal (directly or through their program).</summary>
    [Id(2)] public ImmutableDictionary<string, BigInteger> Paid { get; init; } = ImmutableDictionary<string, BigInteger>.Empty;

    /// <summary>Grants approved.</summary>
    [Id(3)] public int Grants { get; init; }

    /// <summary>Proposals created with an action tagged with the goal.</summary>
    [Id(4)] public int Proposals { get; init; }

    /// <summary>Of those, the ones whose vote ended, and the sum of their turnouts (power cast / votable, bps).</summary>
    [Id(5)] public int ProposalsDecided { get; init; }

    [Id(6)] public long TurnoutBpsSum { get; init; }

    /// <summary>Mean turnout of the decided proposals, bps; 0 when none.</summary>
    public long MeanTurnoutBps => ProposalsDecided == 0 ? 0 : TurnoutBpsSum / ProposalsDecided;
}

/// <summary>GET /daos/{path}/sdg: per goal, what the DAO allocated and paid and how its members took part, in one period.</summary>
[GenerateSerializer, Immutable, Alias("bt.SdgReport")]
public sealed record SdgReport
{
    [Id(0)] public string Dao { get; init; } = "";
    [Id(1)] public long Period { get; init; }
    [Id(2)] public long PeriodSeconds { get; init; }
    [Id(3)] public DateTimeOffset Starts { get; init; }
    [Id(4)] public DateTimeOffset Ends { get; init; }
    [Id(5)] public ImmutableArray<SdgFigures> Goals { get; init; } = [];
    [Id(6)] public ImmutableArray<SdgCap> Caps { get; init; } = [];
}
