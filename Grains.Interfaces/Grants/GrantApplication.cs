using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>One step of a grant's plan: what is delivered, its share of the amount and when it is due.</summary>
[GenerateSerializer, Immutable, Alias("bt.MilestonePlan")]
public sealed record MilestonePlan
{
    [Id(0)] public string Description { get; init; } = "";

    /// <summary>Share of the grant's amount in basis points; a plan's shares sum to exactly 10,000.</summary>
    [Id(1)] public int ShareBps { get; init; }

    /// <summary>Unix seconds.</summary>
    [Id(2)] public long Due { get; init; }
}

/// <summary>An application for a grant, as its applicant signed it (verified at the Gateway).</summary>
[GenerateSerializer, Immutable, Alias("bt.GrantApplication")]
public sealed record GrantApplication
{
    [Id(0)] public string Applicant { get; init; } = "";
    [Id(1)] public string Title { get; init; } = "";
    [Id(2)] public string Description { get; init; } = "";
    [Id(3)] public BigInteger Amount { get; init; }

    /// <summary>Where the tranches are paid.</summary>
    [Id(4)] public string Recipient { get; init; } = "";

    [Id(5)] public ImmutableArray<MilestonePlan> Milestones { get; init; } = [];
    [Id(6)] public ImmutableArray<int> Sdgs { get; init; } = [];

    /// <summary>The signed message's digest: the application's identity (the same one twice is one application).</summary>
    [Id(7)] public string Digest { get; init; } = "";
}
