using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>A page of a DAO's moderation log, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("bt.ModerationPage")]
public sealed record ModerationPage
{
    [Id(0)] public ImmutableArray<ModerationAction> Items { get; init; } = [];
    [Id(1)] public int Total { get; init; }
    [Id(2)] public int Offset { get; init; }
    [Id(3)] public int Limit { get; init; }
}
