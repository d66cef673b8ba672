using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Governance;

/// <summary>The part of a DAO that executed actions change: constitution, roles, sub-DAOs, treasury.</summary>
public sealed record DaoLedger
{
    public string Path { get; init; } = "";
    public Constitution Constitution { get; init; } = new();
    public DaoRoles Roles { get; init; } = new();
    public ImmutableArray<string> SubDaos { get; init; } = [];
    public ImmutableDictionary<string, BigInteger> Treasury { get; init; } = ImmutableDictionary<string, BigInteger>.Empty;
}
