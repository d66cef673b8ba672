using System.Numerics;

namespace Blocktrack.Chain.Transactions;

/// <summary>What to send; every null field is filled in by <see cref="TransactionSender"/>. A null <paramref name="To"/> deploys
/// <paramref name="Data"/> as creation code. Setting <see cref="GasPrice"/> forces a legacy (EIP-155) transaction.</summary>
public sealed record TransactionRequest(string? To, byte[] Data, BigInteger Value = default)
{
    public BigInteger? GasLimit { get; init; }

    public BigInteger? Nonce { get; init; }

    public BigInteger? MaxFeePerGas { get; init; }

    public BigInteger? MaxPriorityFeePerGas { get; init; }

    public BigInteger? GasPrice { get; init; }
}
