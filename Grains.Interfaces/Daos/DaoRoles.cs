using System.Collections.Immutable;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Who holds which role in a DAO (lower-case addresses).</summary>
[GenerateSerializer, Immutable, Alias("bt.DaoRoles")]
public sealed record DaoRoles
{
    [Id(0)] public ImmutableArray<string> Coordinators { get; init; } = [];
    [Id(1)] public ImmutableArray<string> Committee { get; init; } = [];
    [Id(2)] public string? Guardian { get; init; }
    [Id(3)] public ImmutableArray<string> Moderators { get; init; } = [];

    public bool Holds(DaoRole role, string address) => role switch
    {
        DaoRole.Coordinator => Coordinators.Contains(address),
        DaoRole.Committee => Committee.Contains(address),
        DaoRole.Guardian => Guardian == address,
        DaoRole.Moderator => !Moderators.IsDefault && Moderators.Contains(address),
        _ => false,
    };
}
