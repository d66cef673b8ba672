using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>
/// One shard of a domain's total reputation over time (the votable power of reputation classes, for quorum), keyed as
/// <see cref="ReputationKeys"/> says; fed by the address ledgers as they are awarded, never by a scan of holders. Read a
/// domain's total with <see cref="ReputationKeys.TotalAt"/>.
/// </summary>
[Alias("bt.IReputationSupplyGrain")]
public interface IReputationSupplyGrain : IGrainWithStringKey
{
    /// <summary>Adds an award made at <paramref name="at"/>; idempotent per (source, sequence).</summary>
    [Alias("Add")] Task Add(string source, long sequence, long at, BigInteger amount);

    /// <summary>The domain's total at a past timepoint, decayed to it; never below the sum of the holders' values.</summary>
    [Alias("GetTotal")] Task<BigInteger> GetTotal(long timepoint);
}
