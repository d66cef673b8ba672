using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Founding a root DAO (an operator action).</summary>
[GenerateSerializer, Immutable, Alias("bt.CreateDaoRequest")]
public sealed record CreateDaoRequest
{
    [Id(0)] public string DisplayName { get; init; } = "";
    [Id(1)] public Constitution Constitution { get; init; } = new();
    [Id(2)] public DaoRoles Roles { get; init; } = new();

    /// <summary>Opening treasury balances per asset.</summary>
    [Id(3)] public ImmutableDictionary<string, BigInteger> Treasury { get; init; } = ImmutableDictionary<string, BigInteger>.Empty;
}
