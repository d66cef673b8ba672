using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A root DAO as the directory lists it.</summary>
[GenerateSerializer, Immutable, Alias("bt.RootDao")]
public sealed record RootDao
{
    [Id(0)] public string Path { get; init; } = "";
    [Id(1)] public string DisplayName { get; init; } = "";
    [Id(2)] public DateTimeOffset FoundedAt { get; init; }
}

/// <summary>A page of root DAOs, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("bt.RootDaoPage")]
public sealed record RootDaoPage
{
    [Id(0)] public ImmutableArray<RootDao> Items { get; init; } = [];
    [Id(1)] public int Total { get; init; }
    [Id(2)] public int Offset { get; init; }
    [Id(3)] public int Limit { get; init; }
}

/// <summary>
/// Every root DAO of the cluster (key 0), so a client can find the trees without knowing a path; each DAO lists its own
/// sub-DAOs. Written by the DAOs themselves, through their outboxes, once each.
/// </summary>
[Alias("bt.IDaoDirectoryGrain")]
public interface IDaoDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Lists a root DAO; idempotent per path.</summary>
    [Alias("Register")] Task Register(RootDao dao);

    /// <summary>A page of root DAOs in founding order.</summary>
    [AlwaysInterleave, Alias("List")] Task<RootDaoPage> List(int offset, int limit);
}
