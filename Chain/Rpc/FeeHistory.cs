using System.Numerics;

namespace Blocktrack.Chain.Rpc;

/// <summary>eth_feeHistory: <see cref="BaseFeePerGas"/> has one more entry than blocks (the next block's base fee);
/// <see cref="Rewards"/> has, per block, the priority fee at each requested percentile.</summary>
public sealed record FeeHistory(
    long OldestBlock,
    IReadOnlyList<BigInteger> BaseFeePerGas,
    IReadOnlyList<double> GasUsedRatio,
    IReadOnlyList<IReadOnlyList<BigInteger>> Rewards)
{
    /// <summary>The base fee of the block after the newest one reported, or null on chains without EIP-1559.</summary>
    public BigInteger? NextBaseFee => BaseFeePerGas.Count > 0 && BaseFeePerGas[^1] > 0 ? BaseFeePerGas[^1] : null;
}
