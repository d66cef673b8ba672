using System.Collections.Immutable;
using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Grains.Chains;

/// <summary>How a batch of on-chain calls ended: every call applied, or none and why.</summary>
public sealed record OnChainOutcome(bool Succeeded, string? Error, ImmutableArray<ChainTransaction> Transactions);
