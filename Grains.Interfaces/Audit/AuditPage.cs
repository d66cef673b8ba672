using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A page of audit entries matching a query, oldest first; <see cref="Total"/> counts every match.</summary>
[GenerateSerializer, Immutable, Alias("bt.AuditPage")]
public sealed record AuditPage
{
    [Id(0)] public ImmutableArray<AuditEntry> Items { get; init; } = [];
    [Id(1)] public long Total { get; init; }
    [Id(2)] public long Offset { get; init; }
    [Id(3)] public int Limit { get; init; }
}
