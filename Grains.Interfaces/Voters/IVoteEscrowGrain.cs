using System.Collections.Immutable;
using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// The total voting power of a mirrored vote escrow over time, keyed by its token id (<c>vebtk@412346</c>): supply
/// points and the slopes that end at each week, as the contract keeps them, so any past total is read without a scan.
/// </summary>
[Alias("bt.IVoteEscrowGrain")]
public interface IVoteEscrowGrain : IGrainWithStringKey
{
    /// <summary>Several lock changes in log order, saved once; each applies at most once.</summary>
    [Alias("ApplyChainChanges")] Task ApplyChainChanges(ImmutableArray<EscrowSupplyChange> changes);

    /// <summary>Forgets the changes from <paramref name="fromBlock"/> on (a reorg replaced those blocks).</summary>
    [Alias("RollbackChain")] Task RollbackChain(long fromBlock);

    /// <summary>The sum of every owner's voting power at a timestamp (the contract's <c>totalSupplyAt</c>).</summary>
    [Alias("GetSupply")] Task<BigInteger> GetSupply(long timestamp);
}
