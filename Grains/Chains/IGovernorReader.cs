using System.Numerics;

namespace Blocktrack.Grains.Chains;

/// <summary>Reads what a mirrored proposal needs from a Governor contract itself (its logs do not carry the quorum).</summary>
public interface IGovernorReader
{
    /// <summary>The Governor's <c>quorum(timepoint)</c>; the timepoint must be in the chain's past.</summary>
    Task<BigInteger> Quorum(string governor, long timepoint, CancellationToken cancellationToken = default);
}
