using System.Collections.Immutable;
using System.Numerics;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>
/// A DAO's treasury balances per asset, where they are held (the cluster's ledger, or partly an account on chain), and
/// for an on-chain treasury its account and mirrored balances.
/// </summary>
public sealed record TreasuryView(
    string Dao, ImmutableDictionary<string, BigInteger> Balances, TreasuryCustody Custody, OnChainTreasuryInfo? OnChain);
