using System.Numerics;

namespace Blocktrack.Grains.Interfaces;

/// <summary>Total delegated (votable) power of a token over time, keyed by token id.</summary>
[Alias("bt.ITokenSupplyGrain")]
public interface ITokenSupplyGrain : IGrainWithStringKey
{
    /// <summary>Adds a change of votable power; idempotent per (source, sequence).</summary>
    [Alias("Adjust")] Task Adjust(string source, long sequence, long timepoint, BigInteger delta);

    /// <summary>Votable power at a past timepoint.</summary>
    [Alias("GetVotable")] Task<BigInteger> GetVotable(long timepoint);
}
