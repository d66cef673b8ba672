using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Gateway;

/// <summary>A DAO's treasury balances per asset.</summary>
public sealed record TreasuryView(string Dao, ImmutableDictionary<string, BigInteger> Balances);
