using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A grant event the DAO's SDG figures count: an approval (counted against the caps of the grant's own goals) or a paid tranche.</summary>
[GenerateSerializer, Immutable, Alias("bt.GrantSdgFact")]
public sealed record GrantSdgFact
{
    /// <summary>Unix seconds: the period it counts in.</summary>
    [Id(0)] public long At { get; init; }

    [Id(1)] public ImmutableArray<int> Goals { get; init; } = [];
    [Id(2)] public ImmutableArray<int> ProgramGoals { get; init; } = [];
    [Id(3)] public string Asset { get; init; } = "";
    [Id(4)] public BigInteger Amount { get; init; }

    /// <summary>True for a paid tranche, false for an approval.</summary>
    [Id(5)] public bool Paid { get; init; }
}

/// <summary>A decision of an executed proposal waiting for its grant to take it.</summary>
[GenerateSerializer, Immutable, Alias("bt.PendingGrantDecision")]
public sealed record PendingGrantDecision
{
    [Id(0)] public string ProposalId { get; init; } = "";
    [Id(1)] public int ActionIndex { get; init; }
    [Id(2)] public DecideGrant Decision { get; init; } = new(0, 0, GrantDecision.Approve, "");
}
