using System.Numerics;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// The distribution of a token's votable power over delegates (key: token id), fed by each voter grain with its own latest
/// delegated votes, and the concentration figures of it kept as it changes.
/// </summary>
[Alias("bt.IPowerDistributionGrain")]
public interface IPowerDistributionGrain : IGrainWithStringKey
{
    /// <summary>An address's delegated votes are now <paramref name="power"/>; applied once, and only if newer than the last.</summary>
    [Alias("Report")] Task Report(string address, long version, BigInteger power);

    /// <summary>
    /// Many addresses' reports at once (how a silo's voters send them: <c>PowerReportRelay</c>), each applied as
    /// <see cref="Report"/> would. Refused whole, changing nothing, if any of them is invalid.
    /// </summary>
    [Alias("ReportMany")] Task ReportMany(System.Collections.Immutable.ImmutableArray<PowerReport> reports);

    /// <summary>The figures as they were at <paramref name="at"/> (unix seconds; null: now).</summary>
    [AlwaysInterleave, Alias("GetConcentration")] Task<ConcentrationReport> GetConcentration(long? at);

    /// <summary>The addresses with the most power, most first.</summary>
    [AlwaysInterleave, Alias("GetTop")] Task<System.Collections.Immutable.ImmutableArray<DelegatePower>> GetTop(int limit);
}

/// <summary>One address's delegated votes at a version of its own.</summary>
[GenerateSerializer, Immutable, Alias("bt.PowerReport")]
public readonly record struct PowerReport(
    [property: Id(0)] string Address, [property: Id(1)] long Version, [property: Id(2)] BigInteger Power);

[GenerateSerializer, Immutable, Alias("bt.DelegatePower")]
public readonly record struct DelegatePower([property: Id(0)] string Address, [property: Id(1)] BigInteger Power);

[GenerateSerializer, Immutable, Alias("bt.ConcentrationReport")]
public sealed record ConcentrationReport
{
    [Id(0)] public string Token { get; init; } = "";
    [Id(1)] public long At { get; init; }

    /// <summary>Addresses holding votable power above zero.</summary>
    [Id(2)] public long Holders { get; init; }
    [Id(3)] public BigInteger Votable { get; init; }
    [Id(4)] public decimal Gini { get; init; }
    [Id(5)] public int Nakamoto { get; init; }

    /// <summary>Σ share², 0..1.</summary>
    [Id(6)] public decimal Hhi { get; init; }

    /// <summary>HHI on the 0..10,000 scale.</summary>
    [Id(7)] public decimal HhiPoints { get; init; }
}
