using System.Numerics;

namespace Blocktrack.Chain.Transactions;

/// <summary>EIP-1559 fee caps, or a legacy gas price when <see cref="GasPrice"/> is set.</summary>
internal readonly record struct TransactionFees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas, BigInteger? GasPrice)
{
    public static TransactionFees Legacy(BigInteger gasPrice) => new(0, 0, gasPrice);
}
